package dev.workstreams.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real browser (Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver, nothing downloaded): signs in through the faked OAuth flow, sees the plans, opens a
 * plan with five workstreams in five states, and watches a running agent's log lines arrive live.
 * Screenshots of each page go to {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  @TempDir
  Path dataDir;
  @TempDir
  Path profile;
  DashboardRig rig;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("the dashboard browser tests need Debian's chromium and chromium-driver "
          + "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver (.ci/run does)");
    }
    Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    rig = new DashboardRig(dataDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void signsInSeesThePlansOpensAPlanAndWatchesALiveLog() throws Exception {
    Path log = rig.runLog("octo", "hello", 7, "ui", "20261205T100000Z.log", "== workstreams: agent script", "starting");

    browser.get(rig.base() + "/");
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    screenshot("sign-in");
    browser.findElement(By.linkText("Sign in with GitHub")).click();
    waitFor(Duration.ofSeconds(10), () -> browser.getCurrentUrl().equals(rig.base() + "/"));
    assertTrue(browser.findElement(By.tagName("header")).getText().contains("Signed in as mona"));
    List<WebElement> plans = browser.findElements(By.cssSelector("tr.plan"));
    assertEquals(1, plans.size(), "only the plan of the repository the person reaches");
    assertTrue(plans.get(0).getText().contains("octo/hello #7"));
    screenshot("plans");

    browser.findElement(By.linkText("octo/hello #7")).click();
    assertEquals("octo/hello #7", browser.findElement(By.tagName("h1")).getText());
    assertEquals(5, browser.findElements(By.cssSelector("svg.graph g.task")).size());
    assertEquals(1, browser.findElements(By.cssSelector("svg.graph g.task.state-running")).size());
    assertEquals(5, browser.findElements(By.cssSelector("#workstreams tbody tr")).size());
    assertTrue(browser.findElement(By.cssSelector("#workstreams tr[data-task=docs]")).getText().contains("queued, 1 of 1"));
    screenshot("plan");

    browser.findElement(By.cssSelector("#workstreams tr[data-task=ui] a[href$='/ui']")).click();
    WebElement pre = browser.findElement(By.id("log"));
    waitFor(Duration.ofSeconds(10), () -> pre.getText().contains("starting"));
    // A script agent printing into its log as the runner starts it: straight into the file, no pipe.
    ProcessBuilder script = new ProcessBuilder("sh", "-c", "echo live line 42; echo \"token $LEAKED\"; read done")
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
    script.environment().put("LEAKED", rig.webhookSecret);
    Process agent = script.start();
    try {
      waitFor(Duration.ofSeconds(5), () -> pre.getText().contains("live line 42"));
      waitFor(Duration.ofSeconds(5), () -> pre.getText().contains("token ***"));
      assertTrue(!pre.getText().contains(rig.webhookSecret));
      screenshot("run");
    } finally {
      agent.getOutputStream().close();
      agent.waitFor();
    }
  }

  private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, timeout, Duration.ofMillis(20)).until(d -> condition.getAsBoolean());
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
