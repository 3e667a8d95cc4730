package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kanal.Wiring;
import dev.kanal.catalog.CatalogAwait;
import dev.kanal.providers.StreamSource;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.testing.Resolutions;
import dev.kanal.testing.TestKanal;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Kanal's page in a real headless Chromium: log in, watch the catalog's progress move, watch a real
 * yt-dlp download go from queued to completed through the live event stream, see a failed job's
 * attempts, search, copy the connect values, log out. Writes a screenshot of every view to
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static PageCatalog catalog;
    static TestVideo video;
    static TestKanal kanal;
    static WebDriver driver;
    static WebDriverWait wait;

    static final HostStatus HOSTS = () -> Optional.of(List.of(
            new HostStatus.Host("aniworld.to", "ok", 48, 0.98, 420, Instant.now().minusSeconds(30), null, null),
            new HostStatus.Host("s.to", "blocked", 12, 0.25, 1900, Instant.now().minusSeconds(3600),
                    Instant.now().minusSeconds(60), "Cloudflare Turnstile challenge"),
            new HostStatus.Host("voe.sx", "slow", 20, 0.9, 4200, Instant.now().minusSeconds(90), null, null),
            new HostStatus.Host("filemoon.sx", "circuit_open", 9, 0.1, 800, null, Instant.now().minusSeconds(20),
                    "HTTP 503")));

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (scripts/test.sh installs them)");
        catalog = new PageCatalog();
        FakeStatus status = new FakeStatus();
        video = TestVideo.create(Files.createDirectories(dir.resolve("media")), 24);
        EpisodeSources sources = (episode, language, skip) -> episode.episode() != 2
                ? Resolutions.found(new StreamSource(video.url(), StreamSource.Format.MP4, Map.of(), null, "VOE"),
                        "VOE", List.of(Resolutions.worked("VOE")))
                : Resolutions.failed(List.of(
                        Resolutions.gone("VOE", "the video was removed by the hoster"),
                        Resolutions.gone("Filemoon", "anti-bot page (Cloudflare) instead of the player")));
        kanal = TestKanal.start(dir.resolve("kanal"),
                Map.of("KANAL_DOWNLOAD_RATE_LIMIT", Long.toString(Math.max(50_000, video.size() / 8)),
                        "KANAL_SKYHOOK_URL", catalog.skyHook()),
                Wiring.Overrides.none().withProviders(catalog.providers()).withSources(sources)
                        .withUi(PageBackends.hosts(HOSTS).withCatalog(status.catalog()).withStrm(status.strm())));
        CatalogAwait.fullyReady(kanal);
        Files.createDirectories(SCREENSHOTS);
        driver = chrome();
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    static WebDriver chrome() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (kanal != null) kanal.close();
        if (video != null) video.close();
        if (catalog != null) catalog.close();
    }

    static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static void open(String view) {
        driver.findElement(By.cssSelector("#nav a[data-view='" + view + "']")).click();
        visible("#view-" + view);
    }

    @Test
    @Order(1)
    void logs_in_with_the_qbittorrent_credentials() throws IOException {
        driver.get(kanal.baseUrl() + "/");
        WebElement form = visible("#login-form");
        screenshot("01-login");
        form.findElement(By.name("username")).sendKeys("admin");
        form.findElement(By.name("password")).sendKeys("wrong");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible("#login-error").getText()).contains("wrong user name, password or API key");
        form.findElement(By.name("password")).clear();
        form.findElement(By.name("password")).sendKeys(TestKanal.QBIT_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        visible("#nav");
        visible("#view-queue");
        assertThat(driver.manage().getCookieNamed(UiSessions.COOKIE).isHttpOnly()).isTrue();
        wait.until(ExpectedConditions.textToBe(By.id("queue-live"), "live"));
    }

    @Test
    @Order(2)
    void sees_a_catalog_progress_bar_move() throws IOException {
        open("catalog");
        By details = By.cssSelector("[data-site='aniworld'] [data-stage='details']");
        WebElement stage = wait.until(ExpectedConditions.visibilityOfElementLocated(details));
        String first = stage.findElement(By.cssSelector(".counts")).getText();
        String firstWidth = stage.findElement(By.cssSelector(".bar .fill")).getAttribute("style");
        assertThat(first).matches("[\\d,.]+ / 1[,.]?200");
        wait.until(d -> !d.findElement(details).findElement(By.cssSelector(".counts")).getText().equals(first));
        assertThat(driver.findElement(details).findElement(By.cssSelector(".bar .fill")).getAttribute("style"))
                .isNotEqualTo(firstWidth);
        assertThat(driver.findElement(details).getText()).contains("4.2/s").contains("ETA");
        assertThat(driver.findElement(By.cssSelector("[data-site='sto'] [data-stage='mapping']")).getText())
                .contains("skyhook unreachable: timeout");
        assertThat(driver.findElement(By.cssSelector("[data-site='sto'] [data-stage='titles']")).getText())
                .contains("refreshed");
        screenshot("02-catalog");
    }

    @Test
    @Order(3)
    void watches_a_job_complete_live() throws IOException {
        open("queue");
        visible("#queue-list .empty");
        Grab.episode(kanal, "Frieren.S01E01.German.DL.1080p.WEB.h264-KANAL", 1);
        Grab.episode(kanal, "Frieren.S01E02.German.DL.1080p.WEB.h264-KANAL", 2);
        By running = By.cssSelector(".job[data-state='running'] .bar[aria-valuenow]");
        wait.until(d -> d.findElements(running).stream()
                .anyMatch(b -> Integer.parseInt(b.getAttribute("aria-valuenow")) >= 15));
        WebElement job = driver.findElement(By.cssSelector(".job[data-state='running']"));
        assertThat(job.getText()).contains("Frieren.S01E01").contains("aniworld").contains("German Dub")
                .contains("via VOE").contains("ETA");
        screenshot("03-queue-running");
        Grab.episode(kanal, "Frieren.S01E03.German.DL.1080p.WEB.h264-KANAL", 3);
        By third = By.xpath("//article[contains(@class,'job')][.//strong[contains(.,'S01E03')]]");
        wait.until(d -> !d.findElements(third).isEmpty()
                && d.findElement(third).getAttribute("data-state").matches("queued|running"));
        driver.findElement(third).findElement(By.cssSelector("button[data-action='cancel']")).click();
        wait.until(d -> d.findElement(third).getAttribute("data-state").equals("cancelled"));
        assertThat(driver.findElement(third).getText()).contains("cancelled").contains("Retry");
        By failed = By.cssSelector(".job[data-state='failed']");
        WebElement failedJob = wait.until(ExpectedConditions.visibilityOfElementLocated(failed));
        assertThat(failedJob.getText()).contains("the video was removed by the hoster")
                .contains("anti-bot page (Cloudflare)");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".job[data-state='completed']")));
        assertThat(driver.findElement(By.cssSelector(".job[data-state='completed']")).getText()).contains("Frieren.S01E01")
                .contains("finished");
        screenshot("04-queue-done");
        failedJob = driver.findElement(failed);
        failedJob.findElement(By.cssSelector("button[data-action='remove']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(failed, 0));
    }

    @Test
    @Order(4)
    void health_shows_hosts_disk_and_broken_strm_files() throws IOException {
        open("health");
        WebElement blocked = visible("tr[data-host='s.to']");
        assertThat(blocked.getText()).contains("anti-bot page").contains("25%").contains("Cloudflare Turnstile");
        assertThat(visible("tr[data-host='filemoon.sx']").getText()).contains("circuit open");
        assertThat(visible("#health-disk").getText()).contains("free");
        assertThat(visible("#health-strm").getText()).contains("1 broken").contains("video removed");
        screenshot("05-health");
    }

    @Test
    @Order(5)
    void searches_forgivingly_and_sees_what_sonarr_would_get() throws IOException {
        open("search");
        search("Sousou no Frieren");
        WebElement first = visible("#search-results section.episode[data-episode='S01E01']");
        assertThat(driver.findElements(By.cssSelector("#search-results section.episode"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#search-results .did-you-mean"))).isEmpty();
        assertThat(first.findElements(By.cssSelector(".language"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("German Dub"))
                .anySatisfy(t -> assertThat(t).startsWith("German Sub"));
        // the German dub of S01E01 was downloaded above: its title now names the measured resolution
        assertThat(first.getText()).containsPattern("Frieren\\.Beyond\\.Journeys\\.End\\.S01E01\\.480p\\.WEB-DL\\.German-KANAL")
                .contains("Frieren.Beyond.Journeys.End.S01E01.WEB-DL.German.Sub-KANAL").contains("TV/Anime (5070)")
                .contains("aniworld").contains("Copy magnet").contains("Grab");
        screenshot("06-search");

        search("freiren");
        assertThat(visible("#search-results .did-you-mean").getText()).contains("Frieren: Beyond Journey's End")
                .contains("did you mean");
        visible("#search-results section.episode[data-episode='S01E02']");
        screenshot("06b-search-did-you-mean");

        search("Breaking Bad S01E02");
        WebElement episode = visible("#search-results section.episode[data-episode='S01E02']");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("search-category"))).selectByValue("radarr");
        episode.findElement(By.cssSelector("button[data-action='grab']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grab-result"))).getText())
                .contains("in radarr");
        open("queue");
        By grabbed = By.xpath("//article[contains(@class,'job')][.//strong[contains(.,'Breaking.Bad.S01E02')]]");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(grabbed)).getText()).contains("sto");
        driver.findElement(grabbed).findElement(By.cssSelector("button[data-action='remove']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(grabbed, 0));

        open("search");
        search("Nothing Here At All");
        assertThat(visible("#search-results .empty").getText()).contains("Kanal has nothing for");
    }

    static void search(String q) {
        String before = driver.findElement(By.id("search-results")).getText();
        driver.findElement(By.id("search-q")).clear();
        driver.findElement(By.id("search-q")).sendKeys(q);
        driver.findElement(By.cssSelector("#search-form button")).click();
        wait.until(d -> {
            String now = d.findElement(By.id("search-results")).getText();
            return !now.startsWith("Searching") && !now.equals(before) && !now.isEmpty();
        });
    }

    @Test
    @Order(6)
    void connect_shows_the_values_to_paste() throws IOException {
        open("connect");
        WebElement values = visible("#connect-values .card");
        String text = driver.findElement(By.id("connect-values")).getText();
        assertThat(text).contains(kanal.config().server().publicUrl().toString().replaceAll("/$", "") + "/torznab")
                .contains("/api").contains("5000,5070").contains("2000").contains("tv-sonarr").contains("radarr")
                .contains("admin").doesNotContain(TestKanal.API_KEY);
        values.findElement(By.cssSelector(".secret-wrap button")).click();
        assertThat(driver.findElement(By.id("connect-values")).getText()).contains(TestKanal.API_KEY);
        WebElement copy = values.findElement(By.cssSelector("button.copy"));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElement(copy, "Cop"));
        screenshot("07-connect");
        WebElement checklist = visible("#connect-checklist .checklist");
        assertThat(checklist.getText()).contains("What has connected").contains("qBittorrent");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", checklist);
        screenshot("07b-connect-checklist");
    }

    @Test
    @Order(7)
    void reads_well_on_a_phone() throws IOException {
        driver.manage().window().setSize(new Dimension(412, 915));
        open("queue");
        visible(".job[data-state='completed']");
        screenshot("08-phone-queue");
        open("catalog");
        visible("[data-site='aniworld']");
        screenshot("09-phone-catalog");
        open("connect");
        visible("#connect-values .card");
        screenshot("10-phone-connect");
        open("health");
        visible("tr[data-host='s.to']");
        screenshot("11-phone-health");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(8)
    void logs_out() {
        driver.findElement(By.id("logout")).click();
        visible("#login-form");
        driver.navigate().refresh();
        visible("#login-form");
        assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
    }
}
