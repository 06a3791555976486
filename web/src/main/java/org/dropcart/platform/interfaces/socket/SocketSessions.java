package org.dropcart.platform.interfaces.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.application.Notification;
import org.eclipse.microprofile.config.Config;

/**
 * The WebSocket sessions of this node, with the caller each one signed in as, and a bounded queue
 * of outgoing messages per session: messages go out one at a time and asynchronously, so a slow
 * client only ever holds up itself. A session whose queue overflows ({@code
 * dropcart.ws.send-queue} messages waiting) is closed (1008); it reconnects and reads its history.
 */
@ApplicationScoped
public class SocketSessions {
  private static final Logger LOG = Logger.getLogger(SocketSessions.class.getName());

  @Inject private Config config;

  /** Closes overflowing sessions: a close frame may wait behind the data the client is not reading. */
  @jakarta.annotation.Resource private jakarta.enterprise.concurrent.ManagedExecutorService closer;

  private final Map<String, Outbox> sessions = new ConcurrentHashMap<>();

  /** Registers a session once its caller is known. */
  public void signedIn(Session session, Caller caller) {
    sessions.put(session.getId(), new Outbox(session, caller,
        config.getValue("dropcart.ws.send-queue", Integer.class)));
  }

  public void closed(Session session) {
    sessions.remove(session.getId());
  }

  /** Queues a message for one session (a reply); false when the session is gone or was closed for overflowing. */
  public boolean send(Session session, JsonObject message) {
    Outbox outbox = sessions.get(session.getId());
    return outbox != null && outbox.offer(message.toString());
  }

  /** Pushes a notification to every session of this node whose caller receives it. */
  public void deliver(Notification notification) {
    String text = Json.createObjectBuilder(notification.payload()).add("type", notification.type()).build().toString();
    for (Outbox outbox : sessions.values()) {
      if (notification.isFor(outbox.caller)) {
        outbox.offer(text);
      }
    }
  }

  /** How many sessions are signed in on this node. */
  public int count() {
    return sessions.size();
  }

  private final class Outbox {
    private final Session session;
    private final Caller caller;
    private final int capacity;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(Session session, Caller caller, int capacity) {
      this.session = session;
      this.caller = caller;
      this.capacity = capacity;
    }

    synchronized boolean offer(String text) {
      if (closed || !session.isOpen()) {
        return false;
      }
      if (queue.size() >= capacity) {
        overflow();
        return false;
      }
      queue.add(text);
      if (!sending) {
        sendNext();
      }
      return true;
    }

    private synchronized void sendNext() {
      String next = queue.poll();
      if (next == null || closed) {
        sending = false;
        return;
      }
      sending = true;
      try {
        session.getAsyncRemote().sendText(next, result -> {
          if (!result.isOK()) {
            LOG.log(Level.FINE, "A send to WebSocket session {0} failed: {1}",
                new Object[] {session.getId(), result.getException()});
          }
          sendNext();
        });
      } catch (RuntimeException e) {
        sending = false;
        LOG.log(Level.FINE, "WebSocket session {0} refused a send: {1}", new Object[] {session.getId(), e});
      }
    }

    private void overflow() {
      closed = true;
      queue.clear();
      sessions.remove(session.getId());
      LOG.log(Level.WARNING, "WebSocket session of {0} reads too slowly ({1} messages waiting); closing it",
          new Object[] {caller.username(), capacity});
      closer.execute(() -> {
        try {
          session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "send queue overflow"));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.FINE, "Closing an overflowing session failed", e);
        }
      });
    }
  }
}
