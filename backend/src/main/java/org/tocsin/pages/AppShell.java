package org.tocsin.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The web app's script and stylesheet tags, taken from its built {@code index.html} (their names carry
 * content hashes), so that a server-rendered page loads the same app, which then takes the page over.
 * Read once at start-up; without a built frontend the pages still work, without the app.
 */
@Component
class AppShell {

    private static final Pattern TAG = Pattern.compile(
            "<script type=\"module\"[^>]*src=\"/assets/[^\"<>]+\"[^>]*></script>|<link rel=\"stylesheet\"[^>]*href=\"/assets/[^\"<>]+\"[^>]*>");

    private final String tags;

    AppShell() {
        this(read());
    }

    AppShell(String indexHtml) {
        List<String> found = new ArrayList<>();
        Matcher m = TAG.matcher(indexHtml);
        while (m.find()) {
            found.add(m.group());
        }
        this.tags = String.join("\n", found);
    }

    /** The tags as they stand in the built index.html (trusted: our own build's output). */
    String tags() {
        return tags;
    }

    private static String read() {
        ClassPathResource index = new ClassPathResource("static/index.html");
        if (!index.exists()) {
            return "";
        }
        try (InputStream in = index.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
