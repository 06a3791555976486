package org.dropcart.upload.interfaces.socket;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.group.application.Deliveries;
import org.dropcart.file.application.FileView;
import org.dropcart.identity.application.AccessTokens;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.interfaces.rest.Problem;
import org.dropcart.platform.interfaces.rest.ProblemMapper;
import org.dropcart.platform.interfaces.socket.SocketSessions;
import org.dropcart.upload.application.UploadView;
import org.dropcart.upload.application.Uploads;

/**
 * Seed 003's socket gateway at {@code /ws}. Sign in with {@code ?access_token=…} or a first
 * message {@code {"type":"connect","access_token":…}}; a missing, invalid or revoked token closes
 * the socket with 4401. Then, each a JSON text message with a {@code type} (and an optional {@code
 * ref} echoed in the reply):
 *
 * <ul>
 *   <li>{@code start-transfer} {filename, size, pool, timestamp?, filetype?, checksum?} → {@code
 *       transfer-started} {uploadId, offset};
 *   <li>{@code write-chunk} {uploadId, offset, data (base64)} → {@code chunk-written} {uploadId,
 *       offset}; a binary frame appends to the session's latest transfer at its offset;
 *   <li>{@code complete-upload} {uploadId} → {@code upload-complete} once every declared byte
 *       arrived (the store pipeline then takes it, as for tus);
 *   <li>{@code get-history} {clientId?, page?, size?} → {@code history};
 *   <li>{@code alive} → {@code alive-ack}.
 * </ul>
 *
 * Refusals answer {@code error} {kind, status, detail}, the same kinds and statuses as the HTTP
 * API. Notifications ({@code file-cached}, {@code file-stored}, …) are pushed as they happen.
 */
@ServerEndpoint("/ws")
public class Gateway {
  static final int MAX_MESSAGE = 4 * 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
  private static final CloseReason UNAUTHORIZED = new CloseReason(() -> 4401, "invalid or missing access_token");
  private static final String CALLER = "dropcart.caller";
  private static final String TOKEN = "dropcart.token";
  private static final String CURRENT = "dropcart.current-upload";

  @Inject private AccessTokens tokens;
  @Inject private Uploads uploads;
  @Inject private FileCatalog files;
  @Inject private SocketSessions sessions;
  @Inject private Deliveries deliveries;

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(MAX_MESSAGE);
    session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
    List<String> token = session.getRequestParameterMap().get("access_token");
    if (token != null && !token.isEmpty()) {
      signIn(session, token.get(0), null);
    }
  }

  @OnMessage(maxMessageSize = MAX_MESSAGE)
  public void text(Session session, String text) {
    JsonObject message;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      message = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      reply(session, error(null, 400, "malformed-json", "A message is a JSON object with a type"));
      return;
    }
    String type = message.getString("type", "");
    String ref = message.containsKey("ref") ? message.get("ref").toString() : null;
    if (type.equals("connect") && session.getUserProperties().get(CALLER) == null) {
      signIn(session, message.getString("access_token", null), ref);
      return;
    }
    Optional<Caller> caller = stillSignedIn(session);
    if (caller.isEmpty()) {
      return;
    }
    try {
      JsonObjectBuilder reply = switch (type) {
        case "start-transfer" -> startTransfer(session, message, caller.get());
        case "write-chunk" -> writeChunk(session, message, caller.get());
        case "complete-upload" -> complete(message, caller.get());
        case "get-history" -> history(message, caller.get());
        case "alive" -> Json.createObjectBuilder().add("type", "alive-ack").add("at", Instant.now().toString());
        case "ack" -> Json.createObjectBuilder().add("type", "acked").add("deliveryId",
            deliveries.acknowledge(message.getString("deliveryId", ""), caller.get()).id());
        case "connect" -> Json.createObjectBuilder().add("type", "connected")
            .add("userId", caller.get().userId()).add("username", caller.get().username());
        default -> throw new InvalidInputException("type", "must be one of start-transfer, write-chunk, "
            + "complete-upload, get-history, alive, ack");
      };
      reply(session, withRef(reply, ref));
    } catch (RuntimeException e) {
      reply(session, problem(e, ref));
    }
  }

  @OnMessage(maxMessageSize = MAX_MESSAGE)
  public void binary(Session session, byte[] data) {
    Optional<Caller> caller = stillSignedIn(session);
    if (caller.isEmpty()) {
      return;
    }
    try {
      String uploadId = (String) session.getUserProperties().get(CURRENT);
      if (uploadId == null) {
        throw new InvalidInputException("frame", "a binary frame needs a start-transfer before it");
      }
      UploadView upload = uploads.status(uploadId, caller.get());
      reply(session, written(uploads.append(uploadId, upload.offset(), null, new ByteArrayInputStream(data),
          caller.get())));
    } catch (RuntimeException e) {
      reply(session, problem(e, null));
    }
  }

  @OnClose
  public void close(Session session) {
    sessions.closed(session);
  }

  @OnError
  public void error(Session session, Throwable e) {
    LOG.log(Level.FINE, "WebSocket session {0}: {1}", new Object[] {session.getId(), e.toString()});
  }

  private void signIn(Session session, String token, String ref) {
    Optional<Caller> caller = tokens.verify(token);
    if (caller.isEmpty()) {
      closeUnauthorized(session);
      return;
    }
    session.getUserProperties().put(CALLER, caller.get());
    session.getUserProperties().put(TOKEN, token);
    sessions.signedIn(session, caller.get());
    reply(session, withRef(Json.createObjectBuilder().add("type", "connected")
        .add("userId", caller.get().userId()).add("username", caller.get().username()), ref));
    // Results that arrived while the member was away, until it acknowledges them.
    deliveries.pendingMessages(caller.get()).forEach(m -> sessions.send(session, m));
  }

  /** The session's caller while its token is still honoured (not signed out, not expired); closes it otherwise. */
  private Optional<Caller> stillSignedIn(Session session) {
    Object token = session.getUserProperties().get(TOKEN);
    Optional<Caller> caller = token == null ? Optional.empty() : tokens.verify((String) token);
    if (caller.isEmpty()) {
      closeUnauthorized(session);
    }
    return caller;
  }

  private void closeUnauthorized(Session session) {
    sessions.closed(session);
    try {
      session.close(UNAUTHORIZED);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing an unauthorized session failed", e);
    }
  }

  private JsonObjectBuilder startTransfer(Session session, JsonObject m, Caller caller) {
    long size = number(m, "size");
    Map<String, String> meta = new LinkedHashMap<>();
    for (String key : new String[] {"filename", "filetype", "pool", "timestamp", "checksum", "batch"}) {
      JsonValue v = m.get(key);
      if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
        meta.put(key, v.getValueType() == JsonValue.ValueType.STRING ? m.getString(key) : v.toString());
      }
    }
    UploadView upload = uploads.open(size, Uploads.metadataHeader(meta), caller);
    session.getUserProperties().put(CURRENT, upload.id());
    return Json.createObjectBuilder().add("type", "transfer-started").add("uploadId", upload.id())
        .add("offset", upload.offset()).add("size", size);
  }

  private JsonObjectBuilder writeChunk(Session session, JsonObject m, Caller caller) {
    String uploadId = text(m, "uploadId");
    long offset = number(m, "offset");
    byte[] data;
    try {
      data = Base64.getDecoder().decode(text(m, "data"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("data", "must be base64");
    }
    session.getUserProperties().put(CURRENT, uploadId);
    return written(uploads.append(uploadId, offset, null, new ByteArrayInputStream(data), caller));
  }

  private JsonObjectBuilder complete(JsonObject m, Caller caller) {
    UploadView upload = uploads.requireComplete(text(m, "uploadId"), caller);
    return Json.createObjectBuilder().add("type", "upload-complete").add("uploadId", upload.id())
        .add("size", upload.offset()).add("state", upload.state());
  }

  private JsonObjectBuilder history(JsonObject m, Caller caller) {
    PageRequest page = PageRequest.of(m.containsKey("page") ? (int) number(m, "page") : null,
        m.containsKey("size") ? (int) number(m, "size") : null);
    String clientId = m.getString("clientId", null);
    Page<FileView> history = clientId == null ? files.historyOf(caller, page) : files.history(clientId, caller, page);
    var items = Json.createArrayBuilder();
    history.items().forEach(f -> items.add(f.toJson()));
    return Json.createObjectBuilder().add("type", "history").add("items", items).add("page", history.page())
        .add("size", history.size()).add("total", history.total());
  }

  private static JsonObjectBuilder written(UploadView upload) {
    return Json.createObjectBuilder().add("type", "chunk-written").add("uploadId", upload.id())
        .add("offset", upload.offset());
  }

  private static String text(JsonObject m, String key) {
    JsonValue v = m.get(key);
    if (v == null || v.getValueType() != JsonValue.ValueType.STRING || m.getString(key).isBlank()) {
      throw new InvalidInputException(key, "is required (a string)");
    }
    return m.getString(key);
  }

  private static long number(JsonObject m, String key) {
    JsonValue v = m.get(key);
    if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER || !m.getJsonNumber(key).isIntegral()
        || m.getJsonNumber(key).longValue() < 0) {
      throw new InvalidInputException(key, "is required (a whole number, 0 or more)");
    }
    return m.getJsonNumber(key).longValueExact();
  }

  private static JsonObjectBuilder problem(RuntimeException thrown, String ref) {
    Throwable e = ProblemMapper.unwrap(thrown);
    if (e instanceof DropcartException d) {
      Problem p = ProblemMapper.problemOf(d);
      JsonObjectBuilder error = error(ref, p.status(), p.kind(), p.detail());
      if (!p.errors().isEmpty()) {
        var fields = Json.createArrayBuilder();
        p.errors().forEach(f -> fields.add(Json.createObjectBuilder().add("field", f.field())
            .add("message", f.message())));
        error.add("errors", fields);
      }
      return error;
    }
    LOG.log(Level.SEVERE, "A WebSocket request failed", e);
    return error(ref, 500, "internal-error", "The request failed on the server");
  }

  private static JsonObjectBuilder error(String ref, int status, String kind, String detail) {
    return withRef(Json.createObjectBuilder().add("type", "error").add("status", status).add("kind", kind)
        .add("detail", detail), ref);
  }

  private static JsonObjectBuilder withRef(JsonObjectBuilder reply, String ref) {
    if (ref != null) {
      reply.add("ref", Json.createReader(new StringReader(ref)).readValue());
    }
    return reply;
  }

  private void reply(Session session, JsonObjectBuilder message) {
    JsonObject m = message.build();
    if (!sessions.send(session, m)) {
      // Not signed in yet (a refusal before sign-in): answer directly.
      try {
        if (session.isOpen()) {
          session.getBasicRemote().sendText(m.toString());
        }
      } catch (IOException e) {
        LOG.log(Level.FINE, "Replying on WebSocket session {0} failed", session.getId());
      }
    }
  }
}
