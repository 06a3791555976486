package org.dropcart.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the page tests: Debian's headless chromium through its chromedriver (Selenium
 * Manager cannot download one here), a fresh profile per browser, screenshots under
 * {@code target/screenshots/}. Each person in a scenario gets their own browser (own cookies).
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = System.getProperty("dropcart.test.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("dropcart.test.chromedriver", "/usr/bin/chromedriver");

  private static final AtomicInteger TIMEOUTS = new AtomicInteger();

  private final ChromeDriver driver;
  private final URI base;
  private final Path profile;

  public Browser(URI base) {
    this.base = base;
    try {
      this.profile = Files.createTempDirectory(DropcartDeployment.work(), "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // The browser's console, read on close: a page that breaks its Content-Security-Policy fails the test.
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the server (relative to its root, e.g. {@code console/}). */
  public Browser open(String path) {
    driver.get(base.resolve(path).toString());
    return this;
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public WebElement find(String id) {
    return waitFor(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  public WebElement clickable(String id) {
    return waitFor(ExpectedConditions.elementToBeClickable(By.id(id)));
  }

  /**
   * Types {@code text} into the input, again if an ajax re-render replaced or emptied it meanwhile,
   * until the input holds exactly that text.
   */
  public void type(String id, String text) {
    waitFor(d -> {
      try {
        WebElement input = d.findElement(By.id(id));
        if (!input.isDisplayed() || !input.isEnabled()) {
          return false;
        }
        if (!text.equals(input.getDomProperty("value"))) {
          input.clear();
          input.sendKeys(text);
        }
        return text.equals(d.findElement(By.id(id)).getDomProperty("value"));
      } catch (StaleElementReferenceException | NoSuchElementException rerendered) {
        return false;
      }
    });
  }

  public void click(String id) {
    clickable(id).click();
  }

  public String text(String id) {
    return find(id).getText();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Waits (up to 30 s) until the page body shows {@code text}. */
  public void awaitText(String text) {
    waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  public <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(condition, Duration.ofSeconds(30));
  }

  /**
   * Waits until {@code condition} holds; on a timeout the failure says what the page showed (its
   * path and visible text, the part a CI log can carry) and a {@code timeout-N} screenshot is saved.
   */
  public <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
    try {
      // An ajax re-render may replace an element while the condition reads it: ask again.
      return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
          .ignoring(StaleElementReferenceException.class).until(condition::apply);
    } catch (TimeoutException e) {
      String shown;
      try {
        Path shot = screenshot("timeout-" + TIMEOUTS.incrementAndGet());
        String text = pageText().replaceAll("\\s+", " ");
        shown = path() + " showed: " + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text)
            + " (screenshot " + shot.getFileName() + ")";
      } catch (RuntimeException unreadable) {
        shown = "an unreadable page (" + unreadable.getMessage() + ")";
      }
      throw new TimeoutException("Waited " + timeout.toSeconds() + " s in vain; " + shown, e);
    }
  }

  /** Limits what the browser sends to {@code bytesPerSecond} (negative: no limit), as a slow link would. */
  public void limitUploads(int bytesPerSecond) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
  }

  /** Signs in through the form at {@code signin.xhtml} (wherever the browser was sent). */
  public void signIn(String username, String password) {
    if (!path().endsWith("/signin.xhtml")) {
      open("signin.xhtml");
    }
    type("signin:username", username);
    type("signin:password", password);
    click("signin:submit");
    waitFor(d -> !URI.create(d.getCurrentUrl()).getPath().endsWith("/signin.xhtml")
        || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("dropcart.test.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path target = dir.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quits the browser; fails if a page broke its Content-Security-Policy meanwhile. */
  @Override
  public void close() {
    java.util.List<String> violations;
    try {
      violations = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
          .map(org.openqa.selenium.logging.LogEntry::getMessage)
          .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    } finally {
      driver.quit();
    }
    if (!violations.isEmpty()) {
      throw new AssertionError("The pages broke their Content-Security-Policy:\n" + String.join("\n", violations));
    }
  }
}
