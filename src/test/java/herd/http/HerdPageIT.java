package herd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import herd.testing.Herd;
import herd.testing.TcpClient;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The herd's page in a real headless Chromium: a five-node herd in this process, the page loaded from Goloman. The
 * browser and its driver are Debian's ({@code chromium}, {@code chromium-driver}); when they are missing the test
 * installs them ({@code tools/install-browser.sh}, apt-get), and fails if it cannot: it never skips.
 */
class HerdPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "herd-page.png");

  private Vertx vertx;
  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void openBrowser() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      new ProcessBuilder("tools/install-browser.sh").inheritIO().start().waitFor();
    }
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER + ": install the Debian packages chromium"
          + " and chromium-driver (tools/install-browser.sh tried, with apt-get)");
    }
    profile = Files.createTempDirectory("herd-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER
        .toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private List<WebElement> all(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  private WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100));
  }

  @Test
  void thePageShowsTheHerdLinksGoingDownAndAClientAppearing() throws Exception {
    Herd herd = new Herd().withHttp().startAll(vertx);

    browser.get("http://127.0.0.1:" + herd.httpPort("Goloman") + "/");
    waitUpTo(30).withMessage("five nodes and six links up")
        .until(b -> all("#herd .node.up").size() == 5 && all("#herd .link.up").size() == 6);
    assertThat(all("#herd .node.self").get(0).getAttribute("data-node")).isEqualTo("Goloman");
    assertThat(all("#nodes tbody tr")).hasSize(5);

    herd.kill("Wilkes");
    waitUpTo(15).withMessage("Wilkes and its three links down")
        .until(b -> all("#herd .node.down[data-node='Wilkes']").size() == 1 && all("#herd .node.up").size() == 4
            && all("#herd .link.down").size() == 3 && all("#herd .link.up").size() == 3);
    assertThat(all("#herd .link.down").stream().map(link -> link.getAttribute("data-link")))
        .containsExactlyInAnyOrder("Goloman-Wilkes", "Hands-Wilkes", "Holiday-Wilkes");

    // Reported at Welsh, two links away: it reaches Goloman's page by flood.
    assertThat(TcpClient.exchange(herd.port("Welsh"),
        "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n")).startsWith("AT Welsh ");
    waitUpTo(15).withMessage("the client on the map and in the updates")
        .until(b -> all("#clients .client[data-client='kiwi.cs.ucla.edu']").size() == 1
            && all("#updates li[data-kind='AT']").stream().anyMatch(item -> item.getText().contains("kiwi")));

    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(SCREENSHOT)).isPositive();
  }
}
