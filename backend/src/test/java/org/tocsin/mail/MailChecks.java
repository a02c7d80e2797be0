package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.storage.Ids;

/** Reading back what the mailer produced, as a mail client would. */
final class MailChecks {

    static final String ICS = String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "PRODID:-//Tocsin//Tocsin feeds//EN",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "UID:m1@tocsin.example",
            "DTSTAMP:20261101T113000Z",
            "DTSTART:20270101T180000Z",
            "DTEND:20270101T190000Z",
            "SEQUENCE:0",
            "SUMMARY:Vigil for Ahmad — شب‌زنده‌داری",
            "ORGANIZER;CN=Tocsin:mailto:no-reply@tocsin.example",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    private MailChecks() {}

    static MailMessage invitation(String to) {
        return new MailMessage(
                to,
                "You're going: Vigil for Ahmad — شب‌زنده‌داری",
                "See you there.\nشب‌زنده‌داری",
                List.of(new MailAttachment(
                        "invite.ics",
                        "text/calendar; charset=UTF-8; method=REQUEST",
                        ICS.getBytes(StandardCharsets.UTF_8))));
    }

    /** The text part and the invitation, which must parse with iCal4j and carry its METHOD. */
    static void isTheInvitation(MimeMessage mime, String to) throws Exception {
        assertThat(mime.getAllRecipients()).extracting(Object::toString).containsExactly(to);
        assertThat(mime.getFrom()).extracting(Object::toString).isNotEmpty();
        assertThat(mime.getSubject()).isEqualTo("You're going: Vigil for Ahmad — شب‌زنده‌داری");
        assertThat(mime.getContent()).isInstanceOf(Multipart.class);
        Multipart parts = (Multipart) mime.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(text.getContent().toString()).contains("شب‌زنده‌داری");
        BodyPart invite = parts.getBodyPart(1);
        assertThat(invite.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(invite.getFileName()).isEqualTo("invite.ics");
        assertThat(invite.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=REQUEST");
        String ics = new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD))
                .hasValueSatisfying(m -> assertThat(m.getValue()).isEqualTo("REQUEST"));
        assertThat(ics).isEqualTo(ICS);
    }

    /**
     * What a replica killed between handing a mail over and deleting it from the outbox leaves behind: the mail
     * delivered once, and still claimed in the outbox by an attempt whose lease has run out. Returns its id.
     */
    static String sentByAReplicaThatThenDied(MailTransport transport, ReactiveMongoTemplate mongo, String to)
            throws Exception {
        String id = Ids.newId();
        transport.send(id, invitation(to), false);
        claimedByAReplicaThatDied(mongo, id, to);
        return id;
    }

    /** The outbox's row of a mail that a replica claimed ten minutes ago and then died sending: its lease is over. */
    static void claimedByAReplicaThatDied(ReactiveMongoTemplate mongo, String id, String to) {
        MailMessage mail = invitation(to);
        Instant then = Instant.now().minus(Duration.ofMinutes(10));
        List<OutboxMail.Attachment> attachments = mail.attachments().stream()
                .map(a -> new OutboxMail.Attachment(a.filename(), a.contentType(), a.content()))
                .toList();
        mongo.insert(new OutboxMail(
                        id,
                        to,
                        mail.subject(),
                        mail.text(),
                        attachments,
                        OutboxMail.State.SENDING,
                        then.plus(Duration.ofMinutes(5)),
                        "the-dead-replica",
                        1,
                        then))
                .block(Duration.ofSeconds(30));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
    }
}
