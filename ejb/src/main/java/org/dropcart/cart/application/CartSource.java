package org.dropcart.cart.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.platform.application.Caller;

/**
 * Where the files of carts come from: Dropcart's own store (the default), or a Pacifica archive
 * interface ({@code ARCHIVE_INTERFACE_URL}). A {@link CartFileException} is final for the file; an
 * {@link IOException} is worth another attempt.
 */
public interface CartSource {
  /**
   * Makes the file ready to be read and returns its size in bytes (the archive stages it; the store
   * checks that the cart's owner may read it).
   */
  long prepare(CartFile file, Optional<Caller> owner) throws CartFileException, IOException;

  /** The file's bytes, from the first. */
  InputStream open(CartFile file, Optional<Caller> owner) throws CartFileException, IOException;
}
