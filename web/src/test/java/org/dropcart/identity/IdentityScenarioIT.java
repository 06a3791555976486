package org.dropcart.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;

import org.dropcart.support.ForgedTokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003's auth service as a client lives it: sign up, use the token, sign out, and every way of
 * getting it wrong — through real HTTP against the real WAR on Payara Micro, with the audit trail
 * the message-driven bean writes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityScenarioIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "correct-horse-battery";
  private static final String ALICE = Api.uniqueName("alice");
  private static String aliceToken;
  private static String aliceId;

  private Api api() {
    return new Api(base);
  }

  @Test
  @Order(1)
  void signUpSignsInRightAwayAsAPlainUserWhateverRoleIsAskedFor() {
    Reply r =
        api().post("api/auth/signup",
            "{\"username\":\"" + ALICE + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}", null);

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject body = r.json();
    assertThat(body.getString("username")).isEqualTo(ALICE);
    assertThat(body.getString("role")).isEqualTo("user");
    assertThat(body.getString("userId")).isNotBlank();
    assertThat(body.getString("access_token").split("\\.")).hasSize(3);
    assertThat(body.getJsonNumber("expires_in").longValue()).isBetween(3500L, 3600L);
    assertThat(r.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/admin/users/" + ALICE));
    aliceToken = body.getString("access_token");
    aliceId = body.getString("userId");
  }

  @Test
  @Order(2)
  void validateTellsWhoTheTokenBelongsTo() {
    Reply r = api().get("api/auth/validate", aliceToken);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("userId")).isEqualTo(aliceId);
    assertThat(r.json().getString("username")).isEqualTo(ALICE);
    assertThat(r.json().getString("role")).isEqualTo("user");
  }

  @Test
  @Order(3)
  void loggingOutRevokesTheTokenAtOnce() {
    Api api = api();
    String second = api.logIn(ALICE, PASSWORD);

    assertThat(api.put("api/auth/logout/" + ALICE, null, aliceToken).status()).isEqualTo(204);

    Reply after = api.get("api/auth/validate", aliceToken);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.contentType()).startsWith("application/problem+json");
    assertThat(after.problemKind()).isEqualTo("token-revoked");
    assertThat(after.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    // Only the token that signed out is refused.
    assertThat(api.get("api/auth/validate", second).status()).isEqualTo(200);
    aliceToken = second;
  }

  @Test
  @Order(4)
  void aTokenCannotSignOutSomeoneElse() {
    Api api = api();
    String bob = Api.uniqueName("bob");
    api.signUp(bob, PASSWORD);

    Reply r = api.put("api/auth/logout/" + bob, null, aliceToken);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.problemKind()).isEqualTo("not-your-session");
  }

  @Test
  @Order(5)
  void theTokenRouteAnswersLikeLogin() {
    Reply r = api().post("api/auth/token", Api.credentials(ALICE, PASSWORD), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("userId")).isEqualTo(aliceId);
    assertThat(r.json().getString("token_type")).isEqualTo("Bearer");
  }

  @Test
  @Order(10)
  void badSignUpsAreRefusedPreciselyAndStoreNothing() {
    Api api = api();
    String name = Api.uniqueName("carol");
    assertProblem(api.post("api/auth/signup", "{not json", null), 400, "malformed-json");
    assertProblem(api.post("api/auth/signup", "", null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", "{}", null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", "{\"username\":\"" + name + "\"}", null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", "{\"username\":\"\",\"password\":\"" + PASSWORD + "\"}", null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", Api.credentials("ab", PASSWORD), null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", Api.credentials("x".repeat(65), PASSWORD), null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", Api.credentials("with space", PASSWORD), null), 400, "invalid-input");
    assertProblem(api.post("api/auth/signup", Api.credentials("semi;colon", PASSWORD), null), 400, "invalid-input");
    Reply shortPassword = api.post("api/auth/signup", Api.credentials(name, "123456789"), null);
    assertProblem(shortPassword, 400, "invalid-input");
    assertThat(shortPassword.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
    assertProblem(
        api.send("POST", "api/auth/signup", "text/plain",
            java.net.http.HttpRequest.BodyPublishers.ofString(Api.credentials(name, PASSWORD)), null),
        415, "unsupported-media-type");

    // None of the refused attempts created the user: the name is still free.
    assertThat(api.post("api/auth/signup", Api.credentials(name, PASSWORD), null).status()).isEqualTo(201);
  }

  @Test
  @Order(11)
  void aTakenNameIsAConflictWhateverItsCase() {
    Reply r = api().post("api/auth/signup", Api.credentials(ALICE.toUpperCase(), PASSWORD), null);

    assertProblem(r, 409, "username-taken");
  }

  @Test
  @Order(12)
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    Api api = api();
    Reply wrong = api.put("api/auth/login/" + ALICE, Api.password("not-the-password"), null);
    Reply unknown = api.put("api/auth/login/" + Api.uniqueName("nobody"), Api.password("not-the-password"), null);

    assertProblem(wrong, 401, "invalid-credentials");
    assertProblem(unknown, 401, "invalid-credentials");
    assertThat(without(wrong.json(), "requestId")).isEqualTo(without(unknown.json(), "requestId"));
    assertProblem(api.put("api/auth/login/" + ALICE, "{}", null), 400, "invalid-input");
    assertProblem(api.put("api/auth/login/" + ALICE, "[1,2", null), 400, "malformed-json");
  }

  @Test
  @Order(13)
  void wrongPasswordAndUnknownUserTakeSimilarTime() {
    Api api = api();
    String known = Api.uniqueName("timing");
    api.signUp(known, PASSWORD);
    List<Long> knownTimes = new ArrayList<>();
    List<Long> unknownTimes = new ArrayList<>();
    // Four attempts each: the fifth would lock the names.
    for (int i = 0; i < 4; i++) {
      knownTimes.add(timed(() -> api.put("api/auth/login/" + known, Api.password("wrong-password-x"), null)));
      String ghost = Api.uniqueName("ghost");
      unknownTimes.add(timed(() -> api.put("api/auth/login/" + ghost, Api.password("wrong-password-x"), null)));
    }
    long knownMedian = median(knownTimes);
    long unknownMedian = median(unknownTimes);
    assertThat(unknownMedian).as("unknown-user login must also pay for a password hash")
        .isGreaterThan(knownMedian / 3);
    assertThat(knownMedian).isGreaterThan(unknownMedian / 3);
  }

  @Test
  @Order(14)
  void fiveFailuresInARowThrottleTheNameEvenForTheRightPassword() {
    Api api = api();
    String dave = Api.uniqueName("dave");
    api.signUp(dave, PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertThat(api.put("api/auth/login/" + dave, Api.password("wrong-password-x"), null).status()).isEqualTo(401);
    }

    Reply throttled = api.put("api/auth/login/" + dave, Api.password(PASSWORD), null);

    assertProblem(throttled, 429, "too-many-failed-logins");
    assertThat(throttled.header("Retry-After")).hasValueSatisfying(
        v -> assertThat(Integer.parseInt(v)).isBetween(1, 300));
  }

  @Test
  @Order(15)
  void unknownNamesAreThrottledExactlyLikeKnownOnes() {
    Api api = api();
    String ghost = Api.uniqueName("ghost");
    for (int i = 0; i < 5; i++) {
      assertThat(api.put("api/auth/login/" + ghost, Api.password("wrong-password-x"), null).status()).isEqualTo(401);
    }
    assertProblem(api.put("api/auth/login/" + ghost, Api.password("wrong-password-x"), null), 429, "too-many-failed-logins");
  }

  @Test
  @Order(16)
  void successResetsTheCountOfFailures() {
    Api api = api();
    String erin = Api.uniqueName("erin");
    api.signUp(erin, PASSWORD);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) {
        api.put("api/auth/login/" + erin, Api.password("wrong-password-x"), null);
      }
      assertThat(api.put("api/auth/login/" + erin, Api.password(PASSWORD), null).status()).isEqualTo(200);
    }
  }

  @Test
  @Order(20)
  void forgedExpiredAndForeignTokensAreRefused() throws Exception {
    Api api = api();
    ForgedTokens forge = new ForgedTokens(DropcartDeployment.dataDirectory());
    var claims = ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1);

    // Sanity: a token signed with the server key and proper claims is accepted.
    assertThat(api.get("api/auth/validate", forge.signedWithServerKey(claims.build())).status()).isEqualTo(200);

    Instant past = Instant.now().minusSeconds(3600);
    List<String> refused =
        List.of(
            forge.signedWithServerKey(
                ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1)
                    .issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past)).build()),
            forge.signedWithServerKey(ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1).issuer("evil").build()),
            // Not valid yet, for another audience, or for none.
            forge.signedWithServerKey(ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1)
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build()),
            forge.signedWithServerKey(ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1)
                .audience("another-service").build()),
            forge.signedWithServerKey(ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 1)
                .audience((String) null).build()),
            // Key confusion: HS256 keyed with the public key, as text and as its encoded bytes.
            forge.hs256WithPublicKey(claims.build(), forge.serverPublicKeyBase64().getBytes(StandardCharsets.US_ASCII)),
            forge.hs256WithPublicKey(claims.build(), java.util.Base64.getDecoder().decode(forge.serverPublicKeyBase64())),
            ForgedTokens.signedWithOtherKey(claims.build()),
            ForgedTokens.unsigned(claims.build()),
            ForgedTokens.tampered(aliceToken, p -> replace(p, "\"user\"", "\"admin\"")),
            "not-a-jwt",
            "");
    for (String token : refused) {
      Reply r = api.get("api/auth/validate", token);
      assertThat(r.status()).as("token %s", token).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
    // A token of a user that no longer matches its generation (see role change below) is refused too.
    assertThat(api.get("api/auth/validate",
        forge.signedWithServerKey(ForgedTokens.claimsFor(aliceId, ALICE, "user").claim("gen", 7).build())).status())
        .isEqualTo(401);
    // The tampered token did not make alice an admin.
    assertThat(api.get("api/admin/users", ForgedTokens.tampered(aliceToken, p -> replace(p, "\"user\"", "\"admin\""))).status())
        .isEqualTo(401);
  }

  @Test
  @Order(21)
  void aUserIsForbiddenAdminRoutesAndAnonymousCallersAreAskedToAuthenticate() {
    Api api = api();
    for (String path : List.of("api/admin/users", "api/admin/audit", "api/admin/jobs")) {
      assertProblem(api.get(path, aliceToken), 403, "forbidden");
      Reply anonymous = api.get(path, null);
      assertProblem(anonymous, 401, "unauthenticated");
    }
    assertProblem(api.post("api/admin/jobs/token-cleanup", null, aliceToken), 403, "forbidden");
    assertProblem(api.patch("api/admin/users/" + ALICE, "{\"role\":\"admin\"}", aliceToken), 403, "forbidden");
  }

  @Test
  @Order(30)
  void anAdminDisablesAUserWhoseTokensStopWorkingAtOnce() {
    Api api = api();
    String admin = api.adminToken();
    String frank = Api.uniqueName("frank");
    String frankToken = api.signUp(frank, PASSWORD);

    Reply disabled = api.patch("api/admin/users/" + frank, "{\"enabled\":false}", admin);

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("enabled")).isFalse();
    assertProblem(api.get("api/auth/validate", frankToken), 401, "token-revoked");
    assertProblem(api.put("api/auth/login/" + frank, Api.password(PASSWORD), null), 401, "invalid-credentials");

    assertThat(api.patch("api/admin/users/" + frank, "{\"enabled\":true}", admin).status()).isEqualTo(200);
    String fresh = api.logIn(frank, PASSWORD);
    assertThat(api.get("api/auth/validate", fresh).status()).isEqualTo(200);
    assertProblem(api.get("api/auth/validate", frankToken), 401, "token-revoked");
  }

  @Test
  @Order(31)
  void aRoleChangeTakesEffectWithTheNextToken() {
    Api api = api();
    String admin = api.adminToken();
    String grace = Api.uniqueName("grace");
    String oldToken = api.signUp(grace, PASSWORD);

    Reply promoted = api.patch("api/admin/users/" + grace, "{\"role\":\"admin\"}", admin);

    assertThat(promoted.json().getString("role")).isEqualTo("admin");
    assertProblem(api.get("api/auth/validate", oldToken), 401, "token-revoked");
    String newToken = api.logIn(grace, PASSWORD);
    assertThat(api.get("api/admin/users", newToken).status()).isEqualTo(200);
  }

  @Test
  @Order(32)
  void badAdminChangesAreRefused() {
    Api api = api();
    String admin = api.adminToken();
    assertProblem(api.patch("api/admin/users/" + ALICE, "{\"role\":\"root\"}", admin), 400, "invalid-input");
    assertProblem(api.patch("api/admin/users/" + ALICE, "{}", admin), 400, "invalid-input");
    assertProblem(api.patch("api/admin/users/" + Api.uniqueName("nobody"), "{\"enabled\":false}", admin), 404, "unknown-user");
    assertProblem(api.get("api/admin/users?page=-1", admin), 400, "invalid-input");
    assertProblem(api.get("api/admin/users?size=0", admin), 400, "invalid-input");
    assertProblem(api.get("api/admin/users?size=lots", admin), 400, "invalid-input");
    assertProblem(api.get("api/admin/users?page=5000000&size=500", admin), 400, "invalid-input");
  }

  @Test
  @Order(33)
  void theLastEnabledAdminCannotBeDemotedOrDisabled() {
    Api api = api();
    String admin = api.adminToken();
    Reply users = api.get("api/admin/users?size=500", admin);
    long admins = users.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(u -> u.getString("role").equals("admin") && u.getBoolean("enabled"))
        .count();
    // Demote every other admin (grace from the role test) so that "admin" is the last one.
    users.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
        .filter(u -> u.getString("role").equals("admin") && !u.getString("username").equals("admin"))
        .forEach(u -> api.patch("api/admin/users/" + u.getString("username"), "{\"role\":\"user\"}", admin));
    assertThat(admins).isGreaterThanOrEqualTo(1);

    assertProblem(api.patch("api/admin/users/admin", "{\"role\":\"user\"}", admin), 409, "last-admin");
    assertProblem(api.patch("api/admin/users/admin", "{\"enabled\":false}", admin), 409, "last-admin");
    assertThat(api.get("api/admin/users/admin", admin).json().getString("role")).isEqualTo("admin");
  }

  @Test
  @Order(34)
  void usersArePagedInNameOrder() {
    Api api = api();
    String admin = api.adminToken();
    Reply first = api.get("api/admin/users?page=0&size=2", admin);

    assertThat(first.status()).isEqualTo(200);
    JsonObject page = first.json();
    assertThat(page.getInt("page")).isZero();
    assertThat(page.getInt("size")).isEqualTo(2);
    assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(5);
    assertThat(page.getJsonArray("items")).hasSize(2);
    assertThat(page.getJsonArray("items").getJsonObject(0).containsKey("passwordHash")).isFalse();
    assertThat(first.body()).doesNotContain("pbkdf2");
  }

  @Test
  @Order(40)
  void theAuditLogRecordsEverySignUpLoginFailureAndLogout() {
    Api api = api();
    String admin = api.adminToken();

    JsonObject page =
        Eventually.await("alice's audit records", Duration.ofSeconds(20),
            () -> api.get("api/admin/audit?size=100&username=" + ALICE, admin).json(),
            p -> types(p).containsAll(Set.of("SIGNED_UP", "LOGGED_IN", "LOGIN_FAILED", "LOGGED_OUT")));

    JsonObject newest = page.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("username")).isEqualTo(ALICE);
    assertThat(newest.getString("remoteAddress")).isNotBlank();
    List<String> times = page.getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("occurredAt")).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // Filters and their validation.
    assertThat(types(api.get("api/admin/audit?type=LOGGED_OUT&username=" + ALICE, admin).json()))
        .containsOnly("LOGGED_OUT");
    assertProblem(api.get("api/admin/audit?type=NOPE", admin), 400, "invalid-input");
    assertProblem(api.get("api/admin/audit?size=501", admin), 400, "invalid-input");
  }

  private static Set<String> types(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("type"))
        .collect(Collectors.toSet());
  }



  private static JsonObject without(JsonObject o, String key) {
    var b = jakarta.json.Json.createObjectBuilder(o);
    b.remove(key);
    return b.build();
  }

  private static void replace(StringBuilder s, String from, String to) {
    int i = s.indexOf(from);
    if (i >= 0) {
      s.replace(i, i + from.length(), to);
    }
  }

  private static long timed(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
