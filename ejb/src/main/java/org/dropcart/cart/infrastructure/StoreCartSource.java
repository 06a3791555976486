package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.dropcart.cart.application.CartFileException;
import org.dropcart.cart.application.CartSource;
import org.dropcart.cart.application.CartStaging;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileDownload;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.DropcartException;

/**
 * Files from Dropcart's own store: a cart file's {@code id} is a stored file's name, and the cart's
 * owner must be allowed to read it (a member of its pool, or an admin), exactly as for a download.
 */
@ApplicationScoped
@Typed(StoreCartSource.class)
public class StoreCartSource implements CartSource {
  @Inject private FileCatalog catalog;

  @Override
  public long prepare(CartFile file, Optional<Caller> owner) throws CartFileException {
    return download(file, owner).file().size();
  }

  @Override
  public InputStream open(CartFile file, Optional<Caller> owner) throws CartFileException, IOException {
    return download(file, owner).content().from(0);
  }

  private FileDownload download(CartFile file, Optional<Caller> owner) throws CartFileException {
    if (owner.isEmpty()) {
      throw new CartFileException(CartStaging.failed(file, "stored files are read only for a signed-in owner"));
    }
    try {
      return catalog.download(file.sourceId(), owner.get());
    } catch (DropcartException e) {
      throw new CartFileException(CartStaging.failed(file, e.getMessage()));
    }
  }
}
