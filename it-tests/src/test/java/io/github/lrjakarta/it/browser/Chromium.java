package io.github.lrjakarta.it.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver. Selenium must not fetch a browser or a driver of
 * its own (the build machine has no network but Maven Central and Debian): both paths are given explicitly and the
 * failsafe run sets {@code SE_OFFLINE=true}. When the browser is missing the tests fail with a message saying what
 * to install; they never skip.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {}

    static ChromeDriver start(Path profileDir) {
        for (String path : new String[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(path))) {
                throw new IllegalStateException(path + " is missing: the browser tests (-Pbrowser) need Debian's "
                        + "chromium and chromium-driver packages (apt-get install -y chromium chromium-driver), or "
                        + "-Dit.chromium=... -Dit.chromedriver=... pointing at a Chromium and its driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // without the background-networking flags Chromium keeps trying to reach Google, which this network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
