package org.dropcart.upload.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.dropcart.upload.domain.ContentSniffer;

/** Content sniffing with Apache Tika's magic-byte and file-name database (tika-core). */
@ApplicationScoped
public class TikaContentSniffer implements ContentSniffer {
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

  @Override
  public String sniff(InputStream content, String fileName) throws IOException {
    if (!content.markSupported()) {
      throw new IllegalArgumentException("Sniffing needs a stream that supports mark");
    }
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    return types.detect(content, metadata).getBaseType().toString();
  }

  @Override
  public List<String> lineage(String type) {
    List<String> lineage = new ArrayList<>();
    MediaType t = registry.normalize(MediaType.parse(type));
    while (t != null && lineage.size() < 16) {
      lineage.add(t.getBaseType().toString());
      t = registry.getSupertype(t);
    }
    return lineage;
  }
}
