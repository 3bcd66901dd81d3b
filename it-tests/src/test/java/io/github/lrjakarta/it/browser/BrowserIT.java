package io.github.lrjakarta.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser against the web.xml-configured WAR: a login round trip through the emulator's login page, and
 * cross-origin {@code fetch} with credentials from the configured origin (allowed) and from another one (blocked by
 * the browser, not just missing a header).
 */
@Tag("browser")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    /** Both start before the WAR is built: it lists the first as its allowed origin. */
    static final OriginServer ALLOWED = OriginServer.start("allowed front end");
    static final OriginServer FOREIGN = OriginServer.start("foreign front end");

    static final String COOKIE = "loginrocket_token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.webXml("lr-browser", ItEmulator.get().url(), List.of(ALLOWED.origin()));
    }

    @ArquillianResource
    URL base;

    Path profile;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("it-chromium");
        browser = Chromium.start(profile);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void stopOrigins() {
        ALLOWED.close();
        FOREIGN.close();
    }

    @Test
    void loginRoundTripThroughLoginRocketsLoginPage() {
        String page = base + "app/profile";

        browser.get(page);

        // the filter sent the browser to LoginRocket Web (the emulator) with a way back
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
        assertThat(browser.getCurrentUrl()).startsWith(ItEmulator.URL + "/login?redirect_uri=");
        browser.findElement(By.id("email")).sendKeys("dana@example.org");
        browser.findElement(By.id("password")).sendKeys("correct-horse-battery");
        browser.findElement(By.id("submit")).click();

        // back with ?token=, which the filter took into its cookie and stripped from the address
        wait.until(ExpectedConditions.textToBe(By.id("user"), "Dana Rivera"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat(browser.findElement(By.id("email")).getText()).isEqualTo("dana@example.org");
        Cookie cookie = browser.manage().getCookieNamed(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).as("plain http on loopback").isFalse();
    }

    @Test
    void theConfiguredOriginReadsTheApiWithTheUsersCookie() {
        logInAsDana();
        browser.get(ALLOWED.origin() + "/");

        Object result = fetch(base + "api/secure/me", "{credentials: 'include'}");

        assertThat(result).asString().startsWith("200 ").contains("\"email\":\"dana@example.org\"");
    }

    @Test
    void theConfiguredOriginMayUseABearerTokenAfterAPreflight() {
        String token = ItEmulator.get().issueToken("sam@example.org");
        browser.get(ALLOWED.origin() + "/");

        // Authorization is not a CORS-safelisted header: the browser preflights, and the filter must allow it
        Object result = fetch(base + "api/secure/me", "{headers: {'Authorization': 'Bearer " + token + "'}}");

        assertThat(result).asString().startsWith("200 ").contains("\"email\":\"sam@example.org\"");
    }

    @Test
    void anotherOriginIsBlockedByTheBrowser() {
        logInAsDana();
        browser.get(FOREIGN.origin() + "/");

        Object simple = fetch(base + "api/public/whoami", "{credentials: 'include'}");
        Object preflighted = fetch(base + "api/secure/me", "{credentials: 'include', headers: {'Authorization': 'Bearer x'}}");
        // the same request without CORS gets an opaque answer: the server is reachable, CORS is what blocks
        Object opaque = fetch(base + "api/public/whoami", "{credentials: 'include', mode: 'no-cors'}");

        assertThat(simple).asString().startsWith("rejected: TypeError");
        assertThat(preflighted).asString().startsWith("rejected: TypeError");
        assertThat(opaque).isEqualTo("0 ");
    }

    /** Logs the browser in through LoginRocket's login page: a token in a link is no way in (see LoginCsrfIT). */
    private void logInAsDana() {
        LoginPage.logIn(browser, base.toString(), "dana@example.org", "correct-horse-battery");
        assertThat(browser.manage().getCookieNamed(COOKIE)).isNotNull();
    }

    /** Runs {@code fetch(url, init)} in the current page: "STATUS body" when readable, "rejected: …" when not. */
    private Object fetch(String url, String init) {
        return browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], %s)
                    .then(r => r.text().then(t => done(r.status + ' ' + t)))
                    .catch(e => done('rejected: ' + e.name + ': ' + e.message));
                """.formatted(init), url);
    }
}
