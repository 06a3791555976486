package org.dropcart.cart.interfaces.batch;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dropcart.cart.application.CartBundling;

/** The cart-bundle step: one cart's tar (job parameter {@code cartId}), or every cart left bundling. */
@Dependent
@Named("BundleCart")
public class BundleCart extends AbstractBatchlet {
  @Inject private CartBundling bundling;
  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "cartId")
  private String cartId;

  @Override
  @WithSpan("batch.cart-bundle")
  public String process() {
    String exit = cartId == null || cartId.isBlank()
        ? "BUNDLED " + bundling.bundleAll() + " carts"
        : bundling.bundle(cartId).name() + " " + cartId;
    step.setExitStatus(exit);
    return exit;
  }
}
