package io.github.lrjakarta.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.Jwt;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.testkit.IssuedLogin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Login CSRF in a real browser: an attacker logs in to their own account, puts the credential LoginRocket gave them
 * (the login token, or the {@code kss_} session id) into a link to the application, and gets a victim to open it. A
 * top-level navigation carries {@code SameSite=Lax} cookies, so without a check the victim would now work inside
 * the attacker's account. The filter takes a credential from the URL only when this browser started the login;
 * a login that did start here goes through as before.
 */
@Tag("browser")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginCsrfIT {

    static final String COOKIE = "loginrocket_token";
    static final String VICTIM = "dana@example.org";
    static final String VICTIM_PASSWORD = "correct-horse-battery";
    static final String ATTACKER = "sam@example.org";

    /** With {@code ?session=} intake on (it is off by default), so that both kinds of credential meet the check. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.webXml("lr-login-csrf", ItEmulator.get().url(), List.of("http://localhost:3000"),
                Map.of("loginrocket.session-intake", "true"));
    }

    @ArquillianResource
    URL base;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        Path profile = Files.createTempDirectory("it-chromium");
        browser = Chromium.start(profile);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLinkWithTheAttackersCredentialLeavesTheVictimLoggedInAsThemselves() {
        LoginPage.logIn(browser, base.toString(), VICTIM, VICTIM_PASSWORD);
        String victimsSession = Jwt.sessionId(cookieValue());
        IssuedLogin attacker = ItEmulator.get().issueLogin(ATTACKER, null);

        for (Map.Entry<String, String> attack : attackLinks(attacker).entrySet()) {
            String link = attack.getKey();
            browser.get(attack.getValue());

            assertThat(browser.getCurrentUrl()).as(link).doesNotContain(attacker.token(), attacker.sessionId());
            // the cookie may have been renewed, but it still holds the victim's LoginRocket session
            assertThat(Jwt.sessionId(cookieValue())).as(link).isEqualTo(victimsSession);
            assertThat(LoginPage.whoami(browser, base.toString())).as(link).isEqualTo(VICTIM);
        }
    }

    @Test
    void aLinkWithTheAttackersCredentialDoesNotLogAFreshBrowserIn() {
        IssuedLogin attacker = ItEmulator.get().issueLogin(ATTACKER, null);

        for (Map.Entry<String, String> attack : attackLinks(attacker).entrySet()) {
            String link = attack.getKey();
            browser.get(attack.getValue());

            assertThat(browser.getCurrentUrl()).as(link).doesNotContain(attacker.token(), attacker.sessionId());
            assertThat(browser.manage().getCookieNamed(COOKIE)).as(link).isNull();
            assertThat(LoginPage.whoami(browser, base.toString())).as(link).isEqualTo("anonymous");
        }
    }

    @Test
    void aLoginThisBrowserStartedStillWorks() {
        String page = base + "app/profile?tab=orgs";

        browser.get(page);
        LoginPage.fillIn(browser, VICTIM, VICTIM_PASSWORD);

        LoginPage.wait(browser).until(b -> b.getCurrentUrl().equals(page));
        assertThat(LoginPage.whoami(browser, base.toString())).isEqualTo(VICTIM);
    }

    /**
     * The attacker's token and session id, each in a link to a login-required page of the application, by a short
     * name for assertion messages.
     */
    private Map<String, String> attackLinks(IssuedLogin attacker) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("?token=", base + "app/profile?token=" + attacker.token());
        links.put("?session=", base + "app/profile?session=" + attacker.sessionId());
        return links;
    }

    private String cookieValue() {
        Cookie cookie = browser.manage().getCookieNamed(COOKIE);
        assertThat(cookie).as("the application's login cookie").isNotNull();
        return cookie.getValue();
    }
}
