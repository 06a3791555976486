package org.dropcart.upload.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.infrastructure.Outages;
import org.dropcart.platform.infrastructure.messaging.MessageBodies;
import org.dropcart.platform.infrastructure.messaging.Messaging;
import org.dropcart.platform.infrastructure.tracing.Spans;
import org.dropcart.upload.application.IngestActivity;
import org.dropcart.upload.application.StorePipeline;
import org.dropcart.upload.application.UploadSettings;

/**
 * The store MDB: runs the store pipeline for each upload id on {@value Messaging#STORE_QUEUE}. A
 * failed attempt rolls back and the broker redelivers; the last of {@value
 * Messaging#MAX_DELIVERY_ATTEMPTS} attempts first marks the upload failed (and tells its owner),
 * then lets the message go to the dead-letter queue. Two uploads are stored at a time (one per core
 * of the smallest node we size for): storing is background work, and ingest comes first.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.STORE_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
    })
public class StoreConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(StoreConsumer.class.getName());
  private static final java.time.Duration OUTAGE_PAUSE = java.time.Duration.ofSeconds(10);

  @Inject private StorePipeline pipeline;
  @Inject private Spans spans;
  @Inject private IngestActivity ingest;
  @Inject private UploadSettings settings;

  @Override
  public void onMessage(Message message) {
    String uploadId;
    try {
      uploadId = MessageBodies.read(message).getString("uploadId");
    } catch (MessageBodies.UnreadableMessageException | NullPointerException | ClassCastException e) {
      LOG.log(Level.WARNING, "Dropped an unreadable store message: {0}", e.getMessage());
      return;
    }
    int attempt = deliveryCount(message);
    stepAsideForIngest(uploadId, message);
    try {
      spans.run("upload.store", () -> {
        try {
          pipeline.store(uploadId);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (RuntimeException e) {
      String reason = Failures.describe(e);
      java.util.Optional<String> outage = Outages.kindOf(e);
      if (outage.isPresent()) {
        // The broker or the database is away: the upload is not at fault and is never failed for
        // it. Holding the delivery a while makes the broker's few attempts span an outage of about
        // half a minute; a longer one leaves the message in the dead-letter queue, the upload
        // complete with its bytes, for a retry from the console.
        LOG.log(Level.WARNING, "Storing upload {0} waits for the {1} (attempt {2} of {3}): {4}",
            new Object[] {uploadId, outage.get(), attempt, Messaging.MAX_DELIVERY_ATTEMPTS, reason});
        pause(OUTAGE_PAUSE);
        throw e;
      }
      if (attempt >= Messaging.MAX_DELIVERY_ATTEMPTS) {
        LOG.log(Level.SEVERE, "Storing upload {0} failed on the last attempt ({1}); it goes to the dead-letter queue",
            new Object[] {uploadId, reason});
        // The client is told that it failed, not how: the cause (paths, classes) stays in the log.
        pipeline.fail(uploadId, "store-failed: the file could not be stored after "
            + Messaging.MAX_DELIVERY_ATTEMPTS + " attempts");
      } else {
        LOG.log(Level.WARNING, "Storing upload {0} failed on attempt {1} of {2}: {3}; the broker will redeliver",
            new Object[] {uploadId, attempt, Messaging.MAX_DELIVERY_ATTEMPTS, reason});
      }
      throw e;
    }
  }

  /**
   * While this node receives upload bytes, storing waits (the client already has its bytes safe on
   * the volume), until {@code dropcart.upload.store-defer} after the upload completed.
   */
  private void stepAsideForIngest(String uploadId, Message message) {
    long sent;
    try {
      sent = message.getJMSTimestamp();
    } catch (JMSException e) {
      return;
    }
    java.time.Duration waited = ingest.stepAside(java.time.Instant.ofEpochMilli(sent).plus(settings.storeDefer()));
    if (waited.toMillis() >= 100) {
      LOG.log(Level.FINE, "Storing upload {0} waited {1} ms for ingest to pause",
          new Object[] {uploadId, waited.toMillis()});
    }
  }

  private static void pause(java.time.Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int deliveryCount(Message message) {
    try {
      return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
    } catch (JMSException e) {
      return 1;
    }
  }

}
