package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;

/**
 * The whole application with its mail going to a real SMTP server (GreenMail), read as a mail client
 * would, and with the rate limits on, as in production. Account tests that read mail extend it and
 * share its context; each registers its own accounts (a handful: sign-ups are limited per address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
abstract class AccountMailContext {

    private static final int PORT = TestStorage.freePort();
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-account-mail-test-");
    private static GreenMail smtp;

    protected WebTestClient web;

    @Autowired
    void webTestClient(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, "tocsin-account-mail-test");
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("tocsin.mail.from", () -> "Tocsin Test <no-reply@tocsin.test>");
        registry.add("tocsin.mail.poll-interval", () -> "PT0.5S");
    }

    @BeforeAll
    static void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            // Left running for every class of this context (they share its port); the JVM ends it.
            smtp.start();
        }
    }

    /**
     * This test's own client address (a reverse proxy's {@code X-Forwarded-For}), one per test method: the
     * per-address limits of one test do not spill into the next.
     */
    protected final String clientAddress = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
            + (1 + (int) (Math.random() * 250));

    protected Api api() {
        return Api.from(web, clientAddress);
    }

    record Mail(String subject, String text) {}

    static final String VERIFY_SUBJECT = "Tocsin: confirm your email address";
    static final java.util.regex.Pattern VERIFY_LINK =
            java.util.regex.Pattern.compile("/verify-email#token=(tev_[A-Za-z0-9_-]+)");

    /** The token of the newest verification link mailed to {@code to}. */
    static String verificationToken(String to) {
        awaitMail(to, VERIFY_SUBJECT);
        List<Mail> mails = mailsTo(to).stream()
                .filter(m -> m.subject().equals(VERIFY_SUBJECT))
                .toList();
        java.util.regex.Matcher m = VERIFY_LINK.matcher(mails.getLast().text());
        assertThat(m.find()).as("verification link in the mail").isTrue();
        return m.group(1);
    }

    /** Verifies {@code email}'s account as its owner would: by the link in the mail it was sent. */
    static void verifyByMail(Api api, String email) {
        api.anonymous()
                .post("/api/v1/auth/email-verification/confirm", java.util.Map.of("token", verificationToken(email)))
                .expectStatus()
                .isNoContent();
    }

    /** Waits for the mail with this subject to {@code to}, and answers it. */
    static Mail awaitMail(String to, String subject) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mailsTo(to)).extracting(Mail::subject).contains(subject));
        return mailsTo(to).stream()
                .filter(m -> m.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    static List<Mail> mailsTo(String to) {
        try {
            List<Mail> mails = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(to))) {
                    mails.add(new Mail(m.getSubject(), m.getContent().toString()));
                }
            }
            return mails;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
