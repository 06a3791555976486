package org.dropcart.upload.domain;

import java.util.Optional;

/** Where uploads are kept. */
public interface UploadRepository {
  Optional<Upload> find(String id);

  void store(Upload upload);
}
