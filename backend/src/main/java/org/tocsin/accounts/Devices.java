package org.tocsin.accounts;

import java.util.Locale;

/**
 * What a session list shows of the device a session was started from: a browser family and an operating
 * system family ("Firefox on Android"), read from the User-Agent at sign-in. Only these two words are
 * kept; the User-Agent itself (which with its versions narrows a person down) never is, nor any address.
 */
final class Devices {

    private Devices() {}

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return browser(ua) + " on " + system(ua);
    }

    private static String browser(String ua) {
        if (ua.contains("edg/") || ua.contains("edge/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        if (ua.contains("curl/") || ua.contains("python") || ua.contains("java") || ua.contains("go-http")) {
            return "A script";
        }
        return "A browser";
    }

    private static String system(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ios")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return "an unknown system";
    }
}
