package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URL;
import java.util.stream.Collectors;
import org.dropcart.support.Api;
import org.dropcart.support.Browser;
import org.dropcart.support.DropcartDeployment;
import org.dropcart.support.Eventually;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console and the portal in a real browser (headless chromium) against the real WAR: signing
 * in with the API's users, sessions beside bearer tokens, who may open what, and the scenario of
 * seed 003's web client from an admin's and a pool member's side. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return DropcartDeployment.war();
  }

  @ArquillianResource private URL base;

  private static final String PASSWORD = "portal-user-password";
  private static final String MEMBER = Api.uniqueName("member");
  private static final String POOL = Api.uniqueName("web-pool");

  private static Path write(Path file, int size, int seed) throws java.io.IOException {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return Files.write(file, bytes);
  }

  private static int progress(org.openqa.selenium.WebDriver d, int upload) {
    String now = d.findElement(By.id("upload-" + upload + "-progress")).getAttribute("aria-valuenow");
    return now == null || now.isBlank() ? 0 : (int) Double.parseDouble(now);
  }

  private Api api() {
    return new Api(base);
  }

  private Browser browser() {
    return new Browser(api().base());
  }

  @Test
  @Order(1)
  void aConsolePageAsksForSignInThenOpensTheAskedPageAndAWrongPasswordSaysSoPlainly() {
    try (Browser admin = browser()) {
      admin.open("console/audit.xhtml");
      assertThat(admin.path()).endsWith("/signin.xhtml");
      admin.screenshot("signin");

      admin.signIn("admin", "not-the-password");
      assertThat(admin.path()).endsWith("/signin.xhtml");
      assertThat(admin.pageText()).contains("Wrong username or password.").doesNotContain("Exception");

      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      assertThat(admin.path()).isEqualTo("/console/audit.xhtml");
      assertThat(admin.text("signed-in-user")).isEqualTo("admin");
    }
  }

  @Test
  @Order(2)
  void aSessionOpensPagesButNeverTheApiWhileBearerTokensKeepWorking() {
    try (Browser admin = browser()) {
      admin.open("console/");
      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      assertThat(admin.path()).startsWith("/console/");

      String cookies = admin.driver().manage().getCookies().stream()
          .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
      assertThat(cookies).contains("JSESSIONID");
      org.openqa.selenium.Cookie session = admin.driver().manage().getCookieNamed("JSESSIONID");
      assertThat(session.isHttpOnly()).as("script cannot read the session").isTrue();
      assertThat(session.getSameSite()).as("another site's post arrives without it").isEqualTo("Lax");
      Api.Reply withCookie = api().send(api().request("api/pools", null).header("Cookie", cookies).GET());
      assertThat(withCookie.status()).isEqualTo(401);

      // Pages, signed in or not, tell the browser what they may load and that nobody may frame them.
      for (Api.Reply page : java.util.List.of(api().get("signin.xhtml", null),
          api().send(api().request("console/", null).header("Cookie", cookies).GET()))) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
            .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
            .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'"));
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
      }
      assertThat(api().send(api().request("console/", null).header("Cookie", cookies).GET()).header("Cache-Control"))
          .hasValue("no-store");
      assertThat(api().get("api/pools", api().adminToken()).header("X-Content-Type-Options")).hasValue("nosniff");

      String token = api().adminToken();
      assertThat(api().get("api/pools", token).status()).isEqualTo(200);
      // The API sign-in did not disturb the browser's session.
      admin.open("console/");
      assertThat(admin.path()).startsWith("/console/");
      assertThat(admin.text("signed-in-user")).isEqualTo("admin");
    }
  }

  @Test
  @Order(3)
  void aUserSignsUpOnThePortalAndIsRefusedTheConsoleWithA403Page() {
    try (Browser user = browser()) {
      user.open("signup.xhtml");
      user.screenshot("signup");
      user.type("signup:username", MEMBER);
      user.type("signup:password", PASSWORD);
      user.click("signup:submit");
      user.waitFor(d -> URI.create(d.getCurrentUrl()).getPath().startsWith("/portal/"));
      assertThat(user.text("signed-in-user")).isEqualTo(MEMBER);

      user.open("console/");
      assertThat(user.text("problem-title")).isEqualTo("403 Forbidden");
      assertThat(user.pageText()).doesNotContain("Exception").doesNotContain("\tat ");
      user.open("console/users.xhtml");
      assertThat(user.text("problem-title")).isEqualTo("403 Forbidden");
    }
  }

  @Test
  @Order(4)
  void signingOutEndsTheSessionAndDisablingAUserEndsTheirs() {
    try (Browser user = browser()) {
      user.open("portal/");
      user.signIn(MEMBER, PASSWORD);
      assertThat(user.path()).startsWith("/portal/");
      user.click("sign-out");
      user.awaitText("You are signed out.");
      user.open("portal/");
      assertThat(user.path()).endsWith("/signin.xhtml");

      user.signIn(MEMBER, PASSWORD);
      assertThat(user.path()).startsWith("/portal/");
      String admin = api().adminToken();
      assertThat(api().patch("api/admin/users/" + MEMBER, "{\"enabled\":false}", admin).status()).isEqualTo(200);
      user.open("portal/");
      assertThat(user.path()).endsWith("/signin.xhtml");
      assertThat(user.pageText()).contains("Your session ended");
      assertThat(api().patch("api/admin/users/" + MEMBER, "{\"enabled\":true}", admin).status()).isEqualTo(200);
    }
  }

  @Test
  @Order(5)
  void theAdminCreatesAPoolAndAdmitsTheMemberInTheConsole() {
    try (Browser admin = browser()) {
      admin.open("console/pools.xhtml");
      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      admin.type("pools:name", POOL);
      admin.click("pools:create");
      admin.awaitText("Pool '" + POOL + "' created.");

      openPool(admin, POOL);
      admin.type("pools:member-username", MEMBER);
      admin.click("pools:add-member");
      admin.awaitText("'" + MEMBER + "' is now a member of '" + POOL + "'.");
      admin.screenshot("console-pool-detail");
    }
    String token = api().adminToken();
    assertThat(api().get("api/pools?size=500", token).body()).contains(POOL);
  }

  @Test
  @Order(6)
  void theMemberUploadsThreeFilesOnThePortalOneResumedAfterAReloadAndSeesThemStored() throws Exception {
    Path dir = Files.createDirectories(DropcartDeployment.work().resolve("portal-files"));
    Path big = write(dir.resolve("big-" + MEMBER + ".bin"), 20 << 20, 1);
    Path first = write(dir.resolve("first-" + MEMBER + ".txt"), 100 << 10, 2);
    Path second = write(dir.resolve("second-" + MEMBER + ".txt"), 300 << 10, 3);
    try (Browser member = browser()) {
      member.open("portal/");
      member.signIn(MEMBER, PASSWORD);
      assertThat(member.path()).startsWith("/portal/");
      new Select(member.find("pool-form:pool")).selectByVisibleText(POOL);
      member.waitFor(d -> d.findElement(By.id("live-status")).getText().contains("connected"));

      // A slow link, so the page can be reloaded while the big file is under way.
      member.limitUploads(3 << 20);
      member.find("file-input").sendKeys(big + "\n" + first + "\n" + second);
      member.type("upload-1-timestamp", "2026-01-02T03:04:05Z");
      member.click("start-upload");
      member.waitFor(d -> progress(d, 0) >= 25, Duration.ofSeconds(60));
      int before = progress(member.driver(), 0);
      assertThat(before).isLessThan(100);
      member.screenshot("portal-uploading");

      member.driver().navigate().refresh();
      member.find("file-input").sendKeys(big.toString());
      member.waitFor(d -> d.findElement(By.id("upload-0-status")).getText().contains("Partly uploaded"));
      member.click("start-upload");
      member.waitFor(d -> d.findElement(By.id("upload-0-status")).getText().toLowerCase().contains("resumed"));
      member.limitUploads(-1);
      member.waitFor(d -> d.findElement(By.id("upload-0-status")).getText().startsWith("Stored"), Duration.ofSeconds(90));
      assertThat(member.text("upload-0-status")).contains(POOL);
      member.screenshot("portal-resumed");

      // The history lists all three once stored (the two small ones went before the reload).
      member.waitFor(d -> {
        d.navigate().refresh();
        String history = d.findElement(By.id("portal:history")).getText();
        return history.contains(big.getFileName().toString()) && history.contains(first.getFileName().toString())
            && history.contains(second.getFileName().toString())
            && history.split("stored", -1).length - 1 >= 3;
      }, Duration.ofSeconds(60));
      assertThat(member.text("portal:history")).contains("2026-01-02 03:04:05");
      member.screenshot("portal");
    }
  }

  @Test
  @Order(7)
  void theAdminFindsTheFilesGroupsThemFromTheJobsPageAndSendsADeadLetterBackToItsQueue() throws Exception {
    String queue = "web-retry-" + MEMBER;
    String body = "{\"probe\":\"" + queue + "\"}";
    String messageId = deadLetter(queue, body);
    try (Browser admin = browser()) {
      admin.open("console/files.xhtml");
      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      choose(admin, "files:table:pool-filter", POOL);
      admin.waitFor(d -> {
        String table = d.findElement(By.id("files:table")).getText();
        return table.contains("big-" + MEMBER) && table.contains("first-" + MEMBER)
            && table.contains("second-" + MEMBER);
      });
      assertThat(admin.text("files:table")).contains("20.0 MiB").contains("STORED");
      admin.screenshot("scenario-files-of-pool");

      admin.open("console/jobs.xhtml");
      // The scheduled run may be under way at that moment: the page says so, and a later click starts one.
      String said = "";
      for (int attempt = 0; attempt < 20 && !said.contains("Started timestamp-grouping"); attempt++) {
        if (attempt > 0) {
          Thread.sleep(3_000);
        }
        ((org.openqa.selenium.JavascriptExecutor) admin.driver())
            .executeScript("document.getElementById('jobs:messages').innerHTML = '';");
        admin.click("jobs:start-timestamp-grouping");
        said = admin.waitFor(d -> {
          String text = d.findElement(By.id("jobs:messages")).getText();
          return text.isBlank() ? null : text;
        });
      }
      assertThat(said).contains("Started timestamp-grouping (execution ");
      String execution = said.replaceAll("(?s).*\\(execution (\\d+)\\).*", "$1");
      By run = By.xpath("//*[@id='jobs:runs']//tr[td[normalize-space()='" + execution + "']]");
      admin.waitFor(d -> {
        d.navigate().refresh();
        return d.findElements(run).stream().anyMatch(r -> r.getText().contains("COMPLETED"));
      }, Duration.ofSeconds(60));
      admin.screenshot("scenario-grouping-run");

      // The pool's files are in its groups now: one window, or two if the uploads straddled a boundary.
      admin.open("console/groups.xhtml");
      choose(admin, "groups:table:pool-filter", POOL);
      admin.waitFor(d -> grouped(d) == 3);
      admin.screenshot("scenario-groups-of-pool");

      admin.open("console/dead-letters.xhtml");
      By retry = By.xpath("//tr[td[normalize-space()='" + messageId + "']]//button[contains(@id,':retry')]");
      admin.waitFor(d -> !d.findElements(retry).isEmpty());
      assertThat(admin.driver().findElement(retry).findElement(By.xpath("ancestor::tr")).getText()).contains(queue);
      admin.screenshot("scenario-dead-letter");
      admin.driver().findElement(retry).click();
      admin.click("dlq:confirm-yes");
      admin.awaitText("Message " + messageId + " went back to " + queue + ".");
      admin.waitFor(d -> d.findElements(retry).isEmpty());
    }
    assertThat(receive(queue)).as("the retried message is back on its queue").isEqualTo(body);
  }

  /**
   * Opens a pool's detail on the pools page through the table's name filter (other test classes
   * share the database, so the pool may be on any page).
   */
  private static void openPool(Browser admin, String pool) {
    // A create re-renders the table: type into the filter once it is the settled one.
    admin.waitFor(d -> {
      try {
        WebElement filter = d.findElement(By.cssSelector("[id='pools:table'] .ui-column-filter"));
        filter.clear();
        filter.sendKeys(pool);
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
        return false;
      }
    });
    By open = By.xpath("//tr[td[normalize-space()='" + pool + "']]//button[contains(@id,':open')]");
    admin.waitFor(d -> d.findElements(By.cssSelector("[id='pools:table'] tbody tr")).size() == 1
        && !d.findElements(open).isEmpty());
    admin.driver().findElement(open).click();
    admin.find("pools:member-username");
  }

  /** Waits for an error message on the page that contains {@code text}. */
  private static void awaitError(Browser browser, String text) {
    browser.waitFor(d -> d.findElements(By.cssSelector(".ui-messages-error")).stream()
        .anyMatch(e -> e.getText().contains(text)));
  }

  /** Picks {@code label} in a PrimeFaces select menu the way a person does: open it, click the item. */
  private static void choose(Browser browser, String menu, String label) {
    browser.click(menu);
    browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
        By.xpath("//*[@id='" + menu + "_panel']//li[@data-label='" + label + "']"))).click();
  }

  /** How many files the groups listed on the page hold together (the Files column). */
  private static int grouped(org.openqa.selenium.WebDriver d) {
    int sum = 0;
    for (WebElement row : d.findElements(By.cssSelector("[id='groups:table_data'] tr[data-ri]"))) {
      java.util.List<WebElement> cells = row.findElements(By.tagName("td"));
      if (cells.size() > 4 && cells.get(0).getText().contains(POOL)) {
        sum += Integer.parseInt(cells.get(4).getText().trim());
      }
    }
    return sum;
  }

  /**
   * A message that failed every delivery: sent to a queue of its own, then received and rolled back
   * until the broker moved it to the dead-letter queue, as a consumer that keeps failing would.
   */
  private static String deadLetter(String queue, String body) throws Exception {
    try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
            "tcp://127.0.0.1:" + DropcartDeployment.brokerPort());
        jakarta.jms.JMSContext context = factory.createContext(jakarta.jms.JMSContext.SESSION_TRANSACTED)) {
      jakarta.jms.TextMessage message = context.createTextMessage(body);
      context.createProducer().send(context.createQueue(queue), message);
      context.commit();
      try (jakarta.jms.JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
        for (int attempt = 1; attempt <= org.dropcart.platform.infrastructure.messaging.Messaging.MAX_DELIVERY_ATTEMPTS;
            attempt++) {
          assertThat(consumer.receive(15_000)).as("delivery " + attempt).isNotNull();
          context.rollback();
        }
        assertThat(consumer.receive(1_000)).as("no delivery after the last attempt").isNull();
      }
      return message.getJMSMessageID();
    }
  }

  private static String receive(String queue) throws Exception {
    try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
            "tcp://127.0.0.1:" + DropcartDeployment.brokerPort());
        jakarta.jms.JMSContext context = factory.createContext();
        jakarta.jms.JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
      jakarta.jms.Message message = consumer.receive(15_000);
      return message == null ? null : message.getBody(String.class);
    }
  }

  @Test
  @Order(8)
  void aRefusedFormSaysPlainlyWhatIsWrongAndChangesNothing() {
    String badWindow = Api.uniqueName("bad-window");
    String nobody = Api.uniqueName("nobody");
    try (Browser admin = browser()) {
      admin.open("console/pools.xhtml");
      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);

      admin.type("pools:name", POOL);
      admin.click("pools:create");
      awaitError(admin, "A pool named '" + POOL + "' already exists");

      admin.type("pools:name", badWindow);
      admin.type("pools:grouping-window", "five minutes");
      admin.click("pools:create");
      // The message names the field by its label, and the field itself is marked.
      awaitError(admin, "Grouping window (ISO-8601, default PT5M): must be an ISO-8601 duration");
      assertThat(admin.find("pools:grouping-window").getAttribute("class")).contains("ui-state-error");
      assertThat(admin.find("pools:grouping-window").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(admin.find("pools:grouping-window").getDomProperty("value")).as("what was typed stays")
          .isEqualTo("five minutes");
      admin.screenshot("console-pool-refused");

      openPool(admin, POOL);
      admin.type("pools:member-username", nobody);
      admin.click("pools:add-member");
      awaitError(admin, nobody);
      assertThat(admin.text("pools:detail")).contains("Members (1)");
      assertThat(admin.pageText()).doesNotContain("Exception").doesNotContain("at org.");
    }
    String pools = api().get("api/pools?size=500", api().adminToken()).body();
    assertThat(pools).contains(POOL).doesNotContain(badWindow);
  }

  @Test
  @Order(9)
  void everyConsolePageOpensForAnAdmin() {
    String[] pages = {"index", "users", "pools", "uploads", "files", "groups", "carts", "imports",
        "functions", "registry", "jobs", "dead-letters", "audit"};
    try (Browser admin = browser()) {
      admin.open("console/");
      admin.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      for (String page : pages) {
        admin.open("console/" + page + ".xhtml");
        assertThat(admin.path()).as(page).isEqualTo("/console/" + page + ".xhtml");
        assertThat(admin.pageText()).as(page)
            // No stack trace; a failure's one-line reason may name its type (ConnectException).
            .doesNotContain("Internal Server Error").doesNotContain(".java:").doesNotContain("\tat ");
        admin.screenshot("console-" + page);
      }
    }
  }

  /**
   * Issue 7: FaaS workers and external processors announce themselves in the registry under a
   * lease, and the console lists what is present now; a processor whose lease is deleted is gone.
   */
  @Test
  @Order(10)
  void theConsoleListsTheWorkersAndProcessorsPresentNow() {
    Api api = api();
    String admin = api.adminToken();
    String processor = Api.uniqueName("spectra");
    Api.Reply put = api.put("api/registry/keys/processors/" + processor + "?ttl=PT2M",
        "{\"pool\":\"" + POOL + "\",\"capacity\":3}", admin);
    assertThat(put.status()).as(put.toString()).isEqualTo(201);
    Eventually.await("the test node's FaaS workers present", Duration.ofSeconds(30),
        () -> api.get("api/registry/keys/faas/workers/faas-test-node", admin).status(), s -> s == 200);
    try (Browser admin1 = browser()) {
      admin1.open("console/registry.xhtml");
      admin1.signIn("admin", DropcartDeployment.ADMIN_PASSWORD);
      admin1.open("console/registry.xhtml");
      String present = admin1.text("present");
      assertThat(present).contains("processor").contains(processor).contains("capacity 3").contains("pool " + POOL)
          .contains("FaaS workers").contains("faas-test-node").contains("policy function").contains("workers 3");
      admin1.screenshot("console-presence");
      assertThat(api.delete("api/registry/keys/processors/" + processor, admin).status()).isEqualTo(204);
      admin1.open("console/registry.xhtml");
      assertThat(admin1.text("present")).doesNotContain(processor).contains("faas-test-node");
    }
  }
}
