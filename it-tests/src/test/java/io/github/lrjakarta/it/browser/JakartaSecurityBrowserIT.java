package io.github.lrjakarta.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.it.wildfly.WildFlySecuritySetup;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real browser logs in through the Jakarta Security mechanism on WildFly: a page behind a {@code web.xml}
 * constraint sends it to LoginRocket's login page, and after the login the container itself knows the user.
 */
@Tag("browser")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(WildFlySecuritySetup.class)
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
class JakartaSecurityBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.jakartaSecurity("lr-jakarta-security-browser", ItEmulator.get().url(), List.of());
    }

    @ArquillianResource
    URL base;

    @Test
    void loginRoundTripThroughTheMechanism() throws IOException {
        ChromeDriver browser = Chromium.start(Files.createTempDirectory("it-chromium"));
        try {
            String page = base + "admin/whoami";

            browser.get(page);
            LoginPage.fillIn(browser, "dana@example.org", "correct-horse-battery");

            // back with ?token=, which the mechanism took into its cookie and stripped from the address
            LoginPage.wait(browser).until(ExpectedConditions.textMatches(By.tagName("body"), Pattern.compile("^principal=usr_.*")));
            assertThat(browser.getCurrentUrl()).isEqualTo(page);
            assertThat(browser.findElement(By.tagName("body")).getText()).isEqualTo("principal="
                    + ItEmulator.get().userId("dana@example.org") + ";class=LoginRocketPrincipal;admin=true;read=false");
            Cookie cookie = browser.manage().getCookieNamed("loginrocket_token");
            assertThat(cookie).isNotNull();
            assertThat(cookie.isHttpOnly()).isTrue();
        } finally {
            browser.quit();
        }
    }
}
