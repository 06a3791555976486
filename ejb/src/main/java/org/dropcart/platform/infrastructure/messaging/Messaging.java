package org.dropcart.platform.infrastructure.messaging;

import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The one place that names Dropcart's messaging resources: the connection factory on the
 * {@code artemis} resource adapter and the queues. MDBs name their queue with
 * {@code destination} + {@code useJNDI=false}; senders go through {@link MessageSender}.
 *
 * <p>Where the broker is belongs to the resource adapter's configuration (its {@code
 * ConnectionParameters}, 127.0.0.1:61616 by default, changed with {@code
 * create-resource-adapter-config}), not to the application: by default that is the broker Dropcart
 * embeds ({@link EmbeddedBroker}).
 */
@JMSConnectionFactoryDefinition(
    name = Messaging.CONNECTION_FACTORY,
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    interfaceName = "jakarta.jms.ConnectionFactory",
    maxPoolSize = 32,
    minPoolSize = 1)
@Singleton
public class Messaging {
  public static final String CONNECTION_FACTORY = "java:app/jms/DropcartConnectionFactory";

  /** The resource adapter every connection factory and MDB of Dropcart goes through. */
  public static final String RESOURCE_ADAPTER = "artemis";


  /** Where finished messages that failed {@code maxDeliveryAttempts} times end up. */
  public static final String DEAD_LETTER_QUEUE = "DLQ";

  /** Sign-ups, logins, failed logins, logouts and admin changes, persisted by the audit MDB. */
  public static final String AUDIT_QUEUE = "AuditQueue";

  /** Complete uploads for the store pipeline (validate, store in GridFS, index). */
  public static final String STORE_QUEUE = "StoreQueue";

  /** Groups to hand to their pool's processor (one message per attempt). */
  public static final String DISPATCH_QUEUE = "DispatchQueue";

  /** Imports for the download workers (fetch, unpack, store). */
  public static final String IMPORT_QUEUE = "ImportQueue";

  /** Function calls for the invocation workers (one message per call and attempt). */
  public static final String INVOKE_QUEUE = "InvokeQueue";

  /** Carts to stage (one message per cart). */
  public static final String CART_QUEUE = "CartQueue";

  /** Results of groups, for the members connected to each node (every node subscribes). */
  public static final String RESULT_TOPIC = "ResultTopic";

  /** Notifications for connected users; every node's WebSocket gateway subscribes. */
  public static final String NOTIFICATION_TOPIC = "NotificationTopic";

  /** Total delivery attempts before a message moves to the dead-letter queue. */
  public static final int MAX_DELIVERY_ATTEMPTS = 3;

  /** Version of the JSON envelope every message body carries in its {@code v} field. */
  public static final int PAYLOAD_VERSION = 1;
}
