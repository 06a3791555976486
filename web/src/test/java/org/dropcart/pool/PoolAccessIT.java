package org.dropcart.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dropcart.support.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.dropcart.support.Api;
import org.dropcart.support.Api.Reply;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Tus;
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
 * Pools and the access matrix of their routes: two pools, a member of each, an outsider and an
 * admin, every route; then the bad input each route must refuse.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolAccessIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "pool-password-1";
  private static String admin;
  private static String poolA;
  private static String poolB;
  private static final String MEMBER_A = Api.uniqueName("member-a");
  private static final String MEMBER_B = Api.uniqueName("member-b");
  private static final String OUTSIDER = Api.uniqueName("outsider");
  private static final Map<String, String> TOKENS = new java.util.HashMap<>();

  private Api api() {
    return new Api(base);
  }

  @Test
  @Order(1)
  void anAdminCreatesPoolsAndAdmitsMembers() {
    Api api = api();
    admin = api.adminToken();
    for (String user : List.of(MEMBER_A, MEMBER_B, OUTSIDER)) {
      TOKENS.put(user, api.signUp(user, PASSWORD));
    }

    Reply created = api.post("api/pools", "{\"name\":\"" + Api.uniqueName("pool-a") + "\",\"groupingWindow\":\"PT10M\"}", admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    poolA = created.json().getString("id");
    assertThat(created.json().getString("groupingWindow")).isEqualTo("PT10M");
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/pools/" + poolA));
    Reply defaulted = api.post("api/pools", "{\"name\":\"" + Api.uniqueName("pool-b") + "\"}", admin);
    poolB = defaulted.json().getString("id");
    assertThat(defaulted.json().getString("groupingWindow")).isEqualTo("PT5M");

    Reply admitted = api.post("api/pools/" + poolA + "/members", "{\"username\":\"" + MEMBER_A + "\"}", admin);
    assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    assertThat(admitted.json().getString("clientName")).isEqualTo(MEMBER_A);
    assertThat(admitted.json().getString("clientId")).hasSize(36);
    assertThat(api.post("api/pools/" + poolB + "/members", "{\"username\":\"" + MEMBER_B + "\"}", admin).status())
        .isEqualTo(201);
  }

  @Test
  @Order(2)
  void eachCallerSeesExactlyThePoolsTheyMaySee() {
    Api api = api();
    assertThat(poolIds(api.get("api/pools?size=500", admin))).contains(poolA, poolB);
    assertThat(poolIds(api.get("api/pools", TOKENS.get(MEMBER_A)))).containsExactly(poolA);
    assertThat(poolIds(api.get("api/pools", TOKENS.get(MEMBER_B)))).containsExactly(poolB);
    assertThat(poolIds(api.get("api/pools", TOKENS.get(OUTSIDER)))).isEmpty();
    assertProblem(api.get("api/pools", null), 401, "unauthenticated");
  }

  @Test
  @Order(3)
  void readRoutesAdmitMembersAndAdminsOnly() {
    Api api = api();
    for (String route : List.of("api/pools/%s", "api/pools/%s/members")) {
      for (String pool : List.of(poolA, poolB)) {
        String path = route.formatted(pool);
        String member = pool.equals(poolA) ? MEMBER_A : MEMBER_B;
        String other = pool.equals(poolA) ? MEMBER_B : MEMBER_A;
        assertThat(api.get(path, admin).status()).as("admin " + path).isEqualTo(200);
        assertThat(api.get(path, TOKENS.get(member)).status()).as("member " + path).isEqualTo(200);
        assertProblem(api.get(path, TOKENS.get(other)), 403, "not-a-member");
        assertProblem(api.get(path, TOKENS.get(OUTSIDER)), 403, "not-a-member");
        assertProblem(api.get(path, null), 401, "unauthenticated");
      }
    }
    JsonObject members = api.get("api/pools/" + poolA + "/members", TOKENS.get(MEMBER_A)).json();
    assertThat(members.getJsonArray("items")).hasSize(1);
    assertThat(members.getJsonArray("items").getJsonObject(0).getString("clientName")).isEqualTo(MEMBER_A);
    assertThat(api.get("api/pools/" + poolA, TOKENS.get(MEMBER_A)).json().getInt("members")).isEqualTo(1);
  }

  @Test
  @Order(4)
  void onlyAdminsManagePoolsAndMembers() {
    Api api = api();
    for (String user : List.of(MEMBER_A, MEMBER_B, OUTSIDER)) {
      String token = TOKENS.get(user);
      assertProblem(api.post("api/pools", "{\"name\":\"" + Api.uniqueName("nope") + "\"}", token), 403, "forbidden");
      assertProblem(api.post("api/pools/" + poolA + "/members", "{\"username\":\"" + OUTSIDER + "\"}", token),
          403, "forbidden");
      assertProblem(api.delete("api/pools/" + poolA + "/members/" + MEMBER_A, token), 403, "forbidden");
    }
    // Nothing changed: member A is still the only member of pool A.
    assertThat(api.get("api/pools/" + poolA, admin).json().getInt("members")).isEqualTo(1);
  }

  @Test
  @Order(5)
  void aDismissedMemberLosesAccessAtOnce() {
    Api api = api();
    String temp = Api.uniqueName("temp");
    String token = api.signUp(temp, PASSWORD);
    api.post("api/pools/" + poolA + "/members", "{\"username\":\"" + temp + "\"}", admin);
    assertThat(api.get("api/pools/" + poolA, token).status()).isEqualTo(200);

    assertThat(api.delete("api/pools/" + poolA + "/members/" + temp.toUpperCase(), admin).status()).isEqualTo(204);

    assertProblem(api.get("api/pools/" + poolA, token), 403, "not-a-member");
    assertThat(poolIds(api.get("api/pools", token))).isEmpty();
  }

  @Test
  @Order(6)
  void uploadsFilesHistoriesAndDownloadsFollowTheSameMatrix() {
    Api api = api();
    Map<String, String> fileOf = new java.util.HashMap<>();
    Map<String, String> clientOf = new java.util.HashMap<>();
    Map<String, String> uploadOf = new java.util.HashMap<>();
    for (String pool : List.of(poolA, poolB)) {
      String member = pool.equals(poolA) ? MEMBER_A : MEMBER_B;
      String location = Tus.upload(api, TOKENS.get(member), "t,v\n1,2\n".getBytes(),
          Tus.metadata("pool", pool, "filename", member + ".csv"));
      JsonObject entry = Tus.awaitSettled(api, TOKENS.get(member), pool, Tus.idOf(location));
      fileOf.put(pool, entry.getString("fileName"));
      clientOf.put(pool, entry.getString("clientId"));
      uploadOf.put(pool, location);
    }
    for (String pool : List.of(poolA, poolB)) {
      String member = TOKENS.get(pool.equals(poolA) ? MEMBER_A : MEMBER_B);
      String other = TOKENS.get(pool.equals(poolA) ? MEMBER_B : MEMBER_A);
      String outsider = TOKENS.get(OUTSIDER);
      for (String path : List.of("api/pools/" + pool + "/files", "api/file/" + fileOf.get(pool))) {
        assertThat(api.get(path, admin).status()).as("admin " + path).isEqualTo(200);
        assertThat(api.get(path, member).status()).as("member " + path).isEqualTo(200);
        assertProblem(api.get(path, other), 403, "not-a-member");
        assertProblem(api.get(path, outsider), 403, "not-a-member");
        assertProblem(api.get(path, null), 401, "unauthenticated");
      }
      String history = "api/client/history/" + clientOf.get(pool);
      assertThat(api.get(history, admin).status()).isEqualTo(200);
      assertThat(api.get(history, member).status()).isEqualTo(200);
      assertProblem(api.get(history, other), 403, "not-your-client");
      assertProblem(api.get(history, outsider), 403, "not-your-client");
      assertProblem(api.get(history, null), 401, "unauthenticated");

      // Uploading into a pool is for its members; an upload is seen by its owner alone.
      String meta = Tus.metadata("pool", pool, "filename", "x.csv");
      assertThat(Tus.createReply(api, member, 3, meta).status()).isEqualTo(201);
      assertProblem(Tus.createReply(api, other, 3, meta), 403, "not-a-member");
      assertProblem(Tus.createReply(api, outsider, 3, meta), 403, "not-a-member");
      assertProblem(Tus.createReply(api, admin, 3, meta), 403, "not-a-member");
      assertThat(Tus.head(api, uploadOf.get(pool), member).status()).isEqualTo(200);
      assertThat(Tus.head(api, uploadOf.get(pool), other).status()).isEqualTo(404);
      assertThat(Tus.head(api, uploadOf.get(pool), admin).status()).isEqualTo(404);
    }
  }

  @Test
  @Order(10)
  void badPoolInputIsRefusedPrecisely() {
    Api api = api();
    String name = Api.uniqueName("pool-c");
    assertProblem(api.post("api/pools", "{oops", admin), 400, "malformed-json");
    assertProblem(api.post("api/pools", "", admin), 400, "invalid-input");
    assertProblem(api.post("api/pools", "{}", admin), 400, "invalid-input");
    assertProblem(api.post("api/pools", "{\"name\":\"a b\"}", admin), 400, "invalid-input");
    for (String window : List.of("PT0S", "P8D", "5 minutes", "PT0.5S", "-PT5M")) {
      assertProblem(api.post("api/pools", "{\"name\":\"" + name + "\",\"groupingWindow\":\"" + window + "\"}", admin),
          400, "invalid-input");
    }
    String taken = api.get("api/pools/" + poolA, admin).json().getString("name");
    assertProblem(api.post("api/pools", "{\"name\":\"" + taken.toUpperCase() + "\"}", admin), 409, "pool-name-taken");
    // None of the refused creations happened.
    assertThat(api.post("api/pools", "{\"name\":\"" + name + "\"}", admin).status()).isEqualTo(201);
  }

  @Test
  @Order(11)
  void badMembershipInputIsRefusedPrecisely() {
    Api api = api();
    assertProblem(api.get("api/pools/no-such-pool", admin), 404, "unknown-pool");
    assertProblem(api.get("api/pools/no-such-pool", TOKENS.get(MEMBER_A)), 404, "unknown-pool");
    assertProblem(api.post("api/pools/no-such-pool/members", "{\"username\":\"" + MEMBER_A + "\"}", admin),
        404, "unknown-pool");
    assertProblem(api.post("api/pools/" + poolA + "/members", "{\"username\":\"" + Api.uniqueName("ghost") + "\"}", admin),
        404, "unknown-user");
    assertProblem(api.post("api/pools/" + poolA + "/members", "{\"username\":\"" + MEMBER_A + "\"}", admin),
        409, "already-a-member");
    assertProblem(api.post("api/pools/" + poolA + "/members", "{}", admin), 400, "invalid-input");
    assertProblem(api.delete("api/pools/" + poolA + "/members/" + OUTSIDER, admin), 404, "not-a-member");
    assertProblem(api.get("api/pools?size=0", admin), 400, "invalid-input");
  }

  private static List<String> poolIds(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
  }
}
