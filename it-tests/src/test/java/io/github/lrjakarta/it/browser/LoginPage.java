package io.github.lrjakarta.it.browser;

import io.github.lrjakarta.it.ItEmulator;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login a user goes through in the test WARs: a login-required page ({@code app/profile}) sends the browser to
 * LoginRocket Web's login page (the emulator's), the form is filled in, and LoginRocket sends the browser back with
 * a token that the filter takes into its cookie. The only way a browser gets logged in, now that a token in a link
 * is not taken unless this browser started the login.
 */
final class LoginPage {

    private LoginPage() {}

    /** Logs the browser in as {@code email} and waits until the profile page shows that user. */
    static void logIn(WebDriver browser, String base, String email, String password) {
        browser.get(base + "app/profile");
        fillIn(browser, email, password);
        wait(browser).until(ExpectedConditions.textToBe(By.id("email"), email));
    }

    /** Waits for LoginRocket's login form, fills it in and submits it. */
    static void fillIn(WebDriver browser, String email, String password) {
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input#email")));
        if (!browser.getCurrentUrl().startsWith(ItEmulator.URL + "/login?")) {
            throw new AssertionError("expected LoginRocket's login page, at " + browser.getCurrentUrl());
        }
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
    }

    /** What {@code api/public/whoami} says about the browser: the user's email, or "anonymous". */
    static String whoami(WebDriver browser, String base) {
        browser.get(base + "api/public/whoami");
        return browser.findElement(By.tagName("body")).getText();
    }

    static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
