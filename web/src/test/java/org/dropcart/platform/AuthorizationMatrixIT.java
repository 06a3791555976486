package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.Groups.runJob;
import static org.dropcart.support.Groups.send;
import static org.dropcart.support.Tus.awaitSettled;
import static org.dropcart.support.Tus.create;
import static org.dropcart.support.Tus.idOf;
import static org.dropcart.support.Tus.metadata;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.Carts;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
import org.dropcart.support.Faas;
import org.dropcart.support.Groups;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorisation matrix, generated from the OpenAPI document: every operation it lists ×
 * {anonymous, a member of pool B, a member of pool A, an admin}, aimed at objects of pool A (its
 * pool, stored file, group, client, an upload, a cart, an import and a function call of the member
 * of A). Each operation has an access class below; an operation the document lists and the table
 * does not fails the test, so a new route cannot go unclassified.
 *
 * <p>What is asserted: anonymous callers get 401 everywhere but the public routes; the member of B
 * gets 403 or 404 from every route about A's objects and never sees one of their identifiers in a
 * successful answer (no IDOR); members get 403 from admin routes and are let through (not 401/403)
 * on their own objects; the admin is let through on admin routes; nobody ever gets a 5xx or a
 * stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  /** Who may call an operation. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Anyone signed in; it acts on or lists the caller's own things only. */
    SIGNED_IN,
    /** Members of the pool the object belongs to, and admins. */
    MEMBER,
    /** The user who made the object, and admins. */
    OWNER,
    /** Admins only. */
    ADMIN,
    /** Admins and service accounts only. */
    SERVICE,
    /** The pool's processor only: its secret or a signed link, never a user's bearer token. */
    PROCESSOR
  }

  private static final Map<String, Access> ACCESS = new LinkedHashMap<>();

  static {
    ACCESS.put("GET /api/admin/audit", Access.ADMIN);
    ACCESS.put("GET /api/admin/jobs", Access.ADMIN);
    ACCESS.put("GET /api/admin/jobs/{name}", Access.ADMIN);
    ACCESS.put("POST /api/admin/jobs/{name}", Access.ADMIN);
    ACCESS.put("GET /api/admin/users", Access.ADMIN);
    ACCESS.put("GET /api/admin/users/{username}", Access.ADMIN);
    ACCESS.put("PATCH /api/admin/users/{username}", Access.ADMIN);
    ACCESS.put("PUT /api/auth/login/{username}", Access.PUBLIC);
    ACCESS.put("PUT /api/auth/logout/{username}", Access.OWNER);
    ACCESS.put("POST /api/auth/signup", Access.PUBLIC);
    ACCESS.put("POST /api/auth/token", Access.PUBLIC);
    ACCESS.put("GET /api/auth/validate", Access.SIGNED_IN);
    ACCESS.put("GET /api/carts", Access.SIGNED_IN);
    ACCESS.put("GET /api/carts/{uid}", Access.OWNER);
    ACCESS.put("POST /api/carts/{uid}", Access.OWNER);
    ACCESS.put("DELETE /api/carts/{uid}", Access.OWNER);
    ACCESS.put("HEAD /api/carts/{uid}", Access.OWNER);
    ACCESS.put("GET /api/client/history/{clientId}", Access.MEMBER);
    ACCESS.put("GET /api/deliveries", Access.SIGNED_IN);
    ACCESS.put("POST /api/deliveries/{id}/ack", Access.OWNER);
    ACCESS.put("GET /api/faas/call/{n}", Access.OWNER);
    ACCESS.put("GET /api/faas/calls", Access.SIGNED_IN);
    ACCESS.put("GET /api/faas/calls/{n}", Access.OWNER);
    ACCESS.put("GET /api/faas/calls/{n}/wait", Access.OWNER);
    ACCESS.put("GET /api/faas/functions", Access.SIGNED_IN);
    ACCESS.put("GET /api/faas/functions/{name}", Access.SIGNED_IN);
    ACCESS.put("POST /api/faas/invokeFunction", Access.SIGNED_IN);
    ACCESS.put("POST /api/faas/registerFunction/{runtime}/{funcName}", Access.OWNER);
    ACCESS.put("POST /api/faas/registerRuntime", Access.ADMIN);
    ACCESS.put("GET /api/faas/runtimes", Access.SIGNED_IN);
    ACCESS.put("GET /api/faas/runtimes/{name}", Access.SIGNED_IN);
    ACCESS.put("GET /api/file/{fileName}", Access.MEMBER);
    ACCESS.put("GET /api/imports", Access.SIGNED_IN);
    ACCESS.put("POST /api/imports", Access.MEMBER);
    ACCESS.put("GET /api/imports/{id}", Access.OWNER);
    ACCESS.put("DELETE /api/imports/{id}", Access.OWNER);
    ACCESS.put("GET /api/imports/{id}/files", Access.OWNER);
    ACCESS.put("GET /api/pools", Access.SIGNED_IN);
    ACCESS.put("POST /api/pools", Access.ADMIN);
    ACCESS.put("GET /api/pools/{poolId}", Access.MEMBER);
    ACCESS.put("GET /api/pools/{poolId}/files", Access.MEMBER);
    ACCESS.put("GET /api/pools/{poolId}/groups", Access.MEMBER);
    ACCESS.put("GET /api/pools/{poolId}/groups/{groupId}", Access.MEMBER);
    ACCESS.put("GET /api/pools/{poolId}/groups/{groupId}/bundle", Access.PROCESSOR);
    ACCESS.put("POST /api/pools/{poolId}/groups/{groupId}/dispatch", Access.ADMIN);
    ACCESS.put("GET /api/pools/{poolId}/groups/{groupId}/files/{fileName}", Access.PROCESSOR);
    ACCESS.put("PUT /api/pools/{poolId}/groups/{groupId}/result", Access.PROCESSOR);
    ACCESS.put("GET /api/pools/{poolId}/members", Access.MEMBER);
    ACCESS.put("POST /api/pools/{poolId}/members", Access.ADMIN);
    ACCESS.put("DELETE /api/pools/{poolId}/members/{username}", Access.ADMIN);
    ACCESS.put("GET /api/pools/{poolId}/processor", Access.ADMIN);
    ACCESS.put("PUT /api/pools/{poolId}/processor", Access.ADMIN);
    ACCESS.put("DELETE /api/pools/{poolId}/processor", Access.ADMIN);
    ACCESS.put("GET /api/pools/{poolId}/results", Access.MEMBER);
    ACCESS.put("GET /api/processor/groups", Access.PROCESSOR);
    ACCESS.put("GET /api/registry", Access.SERVICE);
    ACCESS.put("DELETE /api/registry", Access.SERVICE);
    ACCESS.put("GET /api/registry/keys/{key: .+}", Access.SERVICE);
    ACCESS.put("PUT /api/registry/keys/{key: .+}", Access.SERVICE);
    ACCESS.put("DELETE /api/registry/keys/{key: .+}", Access.SERVICE);
    ACCESS.put("HEAD /api/registry/keys/{key: .+}", Access.SERVICE);
    ACCESS.put("GET /api/registry/locks/{key: .+}", Access.SERVICE);
    ACCESS.put("PUT /api/registry/locks/{key: .+}", Access.SERVICE);
    ACCESS.put("POST /api/registry/locks/{key: .+}", Access.SERVICE);
    ACCESS.put("DELETE /api/registry/locks/{key: .+}", Access.SERVICE);
    ACCESS.put("GET /api/registry/watch", Access.SERVICE);
    ACCESS.put("POST /api/upload", Access.MEMBER);
    // tus discovery: a client asks what the server supports before it has a token to use.
    ACCESS.put("OPTIONS /api/upload", Access.PUBLIC);
    ACCESS.put("DELETE /api/upload/{id}", Access.OWNER);
    ACCESS.put("HEAD /api/upload/{id}", Access.OWNER);
    ACCESS.put("PATCH /api/upload/{id}", Access.OWNER);
  }

  private static final String PASSWORD = "matrix-password-1";
  private static final String RUNTIME = "matrix-runtime";

  /** The objects of pool A every path parameter is filled with. */
  private record World(String poolA, String memberA, String clientA, String fileA, String groupA,
      String uploadA, String cartA, String importA, String functionA, long callA, String registryKey) {
    /** Identifiers the member of B must never see. */
    List<String> secrets() {
      return List.of(poolA, clientA, fileA, groupA, uploadA, cartA, importA);
    }
  }

  /** One operation of the document, as a request aimed at A's objects. */
  private record Operation(String method, String template, Access access) {
    String key() {
      return method + " " + template;
    }

    boolean mutates() {
      return !List.of("GET", "HEAD", "OPTIONS").contains(method);
    }
  }

  @Test
  void everyRouteOfTheOpenApiDocumentRefusesWhoItMustAndLeaksNothingAcrossPools() throws Exception {
    Api api = new Api(base);
    List<Operation> operations = operations(api);
    String admin = api.adminToken();
    String nameA = Api.uniqueName("matrix-a");
    String nameB = Api.uniqueName("matrix-b");
    String tokenA = api.signUp(nameA, PASSWORD);
    String tokenB = api.signUp(nameB, PASSWORD);
    World world = world(api, admin, nameA, tokenA, nameB);

    List<String> failures = new ArrayList<>();
    List<String> table = new ArrayList<>();
    // The callers that may not act go first, so that what they are refused is still there for
    // the member of A, whose mutations come after their reads (signing out last); the admin's
    // mutations (removing A from the pool among them) come at the very end.
    for (Operation op : operations) {
      if (op.access() != Access.PUBLIC) {
        Reply r = call(api, op, world, null, nameB);
        table.add(row("anonymous", op, r));
        // A signed-link route refuses a request without its link with 403 bad-link.
        expect(failures, "anonymous", op, r, r.status() == 401 || op.access() == Access.PROCESSOR && r.status() == 403);
      }
    }
    for (Operation op : operations) {
      if (op.access() == Access.PUBLIC) {
        continue;
      }
      Reply r = call(api, op, world, tokenB, nameB);
      table.add(row("member of B", op, r));
      boolean ok = switch (op.access()) {
        case SIGNED_IN -> r.status() < 400 || r.status() == 404 || r.status() == 400;
        case MEMBER, OWNER -> r.status() == 403 || r.status() == 404;
        case ADMIN, SERVICE -> r.status() == 403;
        case PROCESSOR -> r.status() == 401 || r.status() == 403;
        case PUBLIC -> true;
      };
      expect(failures, "member of B", op, r, ok);
      if (r.status() < 300) {
        for (String secret : world.secrets()) {
          if (r.body().contains(secret)) {
            failures.add("member of B: " + op.key() + " answered " + r.status() + " with pool A's " + secret);
          }
        }
      }
    }
    List<Operation> memberA = new ArrayList<>(operations.stream().filter(op -> !op.mutates()).toList());
    memberA.addAll(operations.stream().filter(Operation::mutates)
        .sorted((x, y) -> Boolean.compare(x.key().startsWith("PUT /api/auth/logout"), y.key().startsWith("PUT /api/auth/logout")))
        .toList());
    for (Operation op : memberA) {
      if (op.access() == Access.PUBLIC) {
        continue;
      }
      Reply r = call(api, op, world, tokenA, nameB);
      table.add(row("member of A", op, r));
      boolean ok = switch (op.access()) {
        case ADMIN, SERVICE -> r.status() == 403;
        case PROCESSOR -> r.status() == 401 || r.status() == 403;
        // Let through, to an object that is there (the delivery's id is made up: A is owed none).
        default -> r.status() != 401 && r.status() != 403
            && (r.status() != 404 || op.key().equals("POST /api/deliveries/{id}/ack"));
      };
      expect(failures, "member of A", op, r, ok);
    }
    for (Operation op : operations) {
      if (op.mutates() && op.access() != Access.ADMIN || op.access() == Access.PUBLIC) {
        continue;
      }
      Reply r = call(api, op, world, admin, nameB);
      table.add(row("admin", op, r));
      boolean ok = op.access() == Access.PROCESSOR ? r.status() == 401 || r.status() == 403
          : r.status() != 401 && r.status() != 403;
      expect(failures, "admin", op, r, ok);
    }
    System.out.println("Authorisation matrix, " + operations.size() + " operations, " + table.size() + " calls:\n"
        + String.join("\n", table));
    assertThat(failures).as("the matrix (%d calls)", table.size()).isEmpty();
  }

  /** The operations of the OpenAPI document, each classified (or the test fails). */
  private static List<Operation> operations(Api api) {
    Reply doc = api.send(api.request("openapi", null).header("Accept", "application/json").GET());
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    JsonObject paths = Json.createReader(new StringReader(doc.body())).readObject().getJsonObject("paths");
    List<Operation> operations = new ArrayList<>();
    Set<String> unclassified = new TreeSet<>();
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        String m = method.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(m)) {
          continue;
        }
        Access access = ACCESS.get(m + " " + path);
        if (access == null) {
          unclassified.add(m + " " + path);
        } else {
          operations.add(new Operation(m, path, access));
        }
      }
    }
    assertThat(unclassified).as("operations of the OpenAPI document without an access class here").isEmpty();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(70);
    return operations;
  }

  /** Pool A with a stored, grouped file, an upload, a cart, an import and a function call of its member. */
  private static World world(Api api, String admin, String nameA, String tokenA, String nameB) {
    String poolA = Groups.pool(api, admin, "PT2S", "next", nameA);
    Groups.pool(api, admin, "PT2S", "next", nameB);
    String fileA = send(api, tokenA, poolA, Api.uniqueName("matrix") + ".csv", Instant.now(), 3);
    JsonObject stored = awaitSettled(api, tokenA, poolA, fileA);
    String groupA = Eventually.await("a group for " + fileA, Duration.ofSeconds(60), () -> {
      runJob(api, admin);
      return awaitSettled(api, tokenA, poolA, fileA).getString("groupId", null);
    }, g -> g != null);
    String uploadA = idOf(create(api, tokenA, 10, metadata("pool", poolA, "filename", "pending.csv")));
    String cartA = UUID.randomUUID().toString();
    Reply cart = Carts.post(api, cartA, Carts.body(null, new Carts.FileId(fileA, "a/" + fileA, "", "")), tokenA);
    assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
    Reply imported = api.post("api/imports", "{\"url\":\"http://127.0.0.1:9/nothing.csv\",\"pool\":\"" + poolA
        + "\",\"unarchive\":false}", tokenA);
    assertThat(imported.status()).as(imported.toString()).isIn(201, 202);
    String importA = imported.json().getString("id");
    Reply runtime = api.post("api/faas/registerRuntime", "{\"image\":\"" + RUNTIME
        + "\",\"path\":\"/ws\",\"dependencies\":\"true\",\"run\":\"cat\"}", admin);
    assertThat(runtime.status()).as(runtime.toString()).isIn(200, 201);
    String functionA = Api.uniqueName("matrix-fn");
    Faas faas = new Faas(api);
    Reply fn = faas.registerFunction("api/faas/registerFunction/" + RUNTIME + "/" + functionA, "f.tar.gz",
        Faas.tarGz(Map.of("README", "echoes its params")), tokenA);
    assertThat(fn.status()).as(fn.toString()).isEqualTo(201);
    long callA = faas.invoke(functionA, "{\"secret\":\"of-a\"}", tokenA);
    String key = "matrix/" + Api.uniqueName("k");
    assertThat(api.put("api/registry/keys/" + key, "v", admin).status()).isEqualTo(201);
    return new World(poolA, nameA, stored.getString("clientId"), fileA, groupA, uploadA, cartA, importA, functionA,
        callA, key);
  }

  /** The operation as a real request: A's objects in the path, a plausible body and headers. */
  private static Reply call(Api api, Operation op, World w, String token, String nameB) {
    String path = op.template().substring(1)
        .replace("{poolId}", w.poolA()).replace("{groupId}", w.groupA()).replace("{fileName}", w.fileA())
        .replace("{username}", w.memberA()).replace("{clientId}", w.clientA()).replace("{uid}", w.cartA())
        .replace("{n}", Long.toString(w.callA())).replace("{runtime}", RUNTIME).replace("{funcName}", w.functionA())
        .replace("{key: .+}", w.registryKey());
    if (path.startsWith("api/imports/")) {
      path = path.replace("{id}", w.importA());
    } else if (path.startsWith("api/upload/")) {
      path = path.replace("{id}", w.uploadA());
    } else {
      path = path.replace("{id}", UUID.randomUUID().toString());
    }
    if (path.startsWith("api/admin/jobs/")) {
      path = path.replace("{name}", "token-cleanup");
    } else if (path.startsWith("api/faas/functions/")) {
      path = path.replace("{name}", w.functionA());
    } else {
      path = path.replace("{name}", RUNTIME);
    }
    if (path.endsWith("/wait")) {
      path += "?timeout=1";
    }
    assertThat(path).as("every parameter of " + op.key() + " filled").doesNotContain("{");

    if (op.key().equals("POST /api/faas/registerFunction/{runtime}/{funcName}")) {
      return new Faas(api).registerFunction(path, "f.tar.gz", Faas.tarGz(Map.of("README", "replaced")), token);
    }
    HttpRequest.Builder b = api.request(path, token);
    String body = body(op, w, nameB);
    if (op.template().startsWith("/api/upload")) {
      b.header("Tus-Resumable", "1.0.0");
      if (op.method().equals("POST")) {
        b.header("Upload-Length", "1").header("Upload-Metadata", metadata("pool", w.poolA(), "filename", "x.csv"));
      } else if (op.method().equals("PATCH")) {
        b.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream");
        body = "x";
      }
    } else if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(op.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return api.send(b);
  }

  /** A body the operation would accept from someone allowed to call it. */
  private static String body(Operation op, World w, String nameB) {
    return switch (op.key()) {
      case "PATCH /api/admin/users/{username}" -> "{\"enabled\":true}";
      case "POST /api/carts/{uid}" -> Carts.body(null, new Carts.FileId(w.fileA(), "b/" + w.fileA(), "", ""));
      case "POST /api/faas/invokeFunction" -> "{\"funcName\":\"" + w.functionA() + "\",\"params\":{}}";
      case "POST /api/faas/registerRuntime" ->
          "{\"image\":\"" + RUNTIME + "\",\"path\":\"/ws\",\"dependencies\":\"true\",\"run\":\"cat\"}";
      case "POST /api/imports" ->
          "{\"url\":\"http://127.0.0.1:9/other.csv\",\"pool\":\"" + w.poolA() + "\",\"unarchive\":false}";
      case "POST /api/pools" -> "{\"name\":\"" + Api.uniqueName("matrix-pool") + "\"}";
      case "POST /api/pools/{poolId}/members" -> "{\"username\":\"" + nameB + "\"}";
      case "PUT /api/pools/{poolId}/processor" ->
          "{\"url\":\"http://127.0.0.1:9/p\",\"secret\":\"a-long-shared-secret-of-b\",\"trigger\":\"manual\"}";
      case "PUT /api/pools/{poolId}/groups/{groupId}/result" -> "result";
      case "PUT /api/registry/keys/{key: .+}", "PUT /api/registry/locks/{key: .+}" -> "taken";
      default -> null;
    };
  }

  private static void expect(List<String> failures, String who, Operation op, Reply r, boolean ok) {
    if (!ok || r.status() >= 500 || r.body().contains("\tat ") || r.body().contains(".java:")) {
      failures.add(who + ": " + op.key() + " (" + op.access() + ") answered " + r.status() + " "
          + r.body().substring(0, Math.min(200, r.body().length())));
    }
  }

  private static String row(String who, Operation op, Reply r) {
    return String.format("%-12s %-60s %-10s %d", who, op.key(), op.access(), r.status());
  }
}
