package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/** The JSON API for Persian speakers: problem details in Persian, Persian digits in numbers. */
class PersianApiTest extends IntegrationTest {

    private String event(OrganizationFixtures group) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", group.organization);
        body.put("title", "شب شعر برای زندانیان");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Asia/Tehran");
        body.put("place", Map.of("city", "Tehran", "countryCode", "IR", "lat", 35.7, "lon", 51.4));
        return group.owner.createdId("/api/v1/events", body);
    }

    private JsonNode rsvp(String eventId, String acceptLanguage, Map<String, Object> body, int status) {
        String csrf = csrf();
        return web.post()
                .uri("/api/v1/events/" + eventId + "/rsvps")
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                .header("X-XSRF-TOKEN", csrf)
                .cookie("XSRF-TOKEN", csrf)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** An anonymous browser's CSRF token (cookie and header carry the same value). */
    private String csrf() {
        return web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
    }

    @Test
    void aBadRequestInPersianIsAnsweredInPersianWithTheSameTypeAndFields() {
        String id = event(new OrganizationFixtures(api()));
        Map<String, Object> bad = Map.of("name", " ", "response", "GOING", "guests", 11);

        JsonNode persian = rsvp(id, "fa-IR,fa;q=0.9,en;q=0.8", bad, 400);
        assertThat(persian.get("type").asString()).isEqualTo("/problems/validation");
        assertThat(persian.get("title").asString()).isEqualTo("درخواست نادرست");
        assertThat(persian.get("detail").asString()).isEqualTo("۲ خانه نادرست است");
        Map<String, String> fields = new HashMap<>();
        persian.get("errors")
                .forEach(e ->
                        fields.put(e.get("field").asString(), e.get("message").asString()));
        // Bean Validation's own Persian (Hibernate Validator's), with Persian digits.
        assertThat(fields)
                .containsEntry("name", "مقدار نباید خالی باشد")
                .containsEntry("guests", "باید کوچکتر و یا مساوی ۱۰ باشد");

        JsonNode english = rsvp(id, "en", bad, 400);
        assertThat(english.get("title").asString()).isEqualTo("Invalid request");
        assertThat(english.get("errors").toString()).contains("must not be blank");
    }

    @Test
    void oneBadFieldInPersianNamesItIsolatedFromThePersianText() {
        String id = event(new OrganizationFixtures(api()));
        JsonNode persian = rsvp(id, "fa", Map.of("name", "Ada", "response", "GOING", "email", "not-an-address"), 400);
        assertThat(persian.get("detail").asString()).isEqualTo("\u2068email\u2069: نشانی ایمیل نیست");
    }

    @Test
    void persianAndArabicIndicDigitsCountAsGuests() {
        String id = event(new OrganizationFixtures(api()));
        JsonNode answer = rsvp(id, "fa", Map.of("name", "آرش", "response", "GOING", "guests", "۳"), 201);
        assertThat(answer.get("guests").asInt()).isEqualTo(3);
        JsonNode other = rsvp(id, "fa", Map.of("name", "Layla", "response", "GOING", "guests", "٢"), 201);
        assertThat(other.get("guests").asInt()).isEqualTo(2);
        JsonNode event = api().anonymous()
                .get("/api/v1/events/" + id)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(event.get("attendance").get("going").asLong()).isEqualTo(7);
        // Persian digits that do not make a whole number are refused, naming the field.
        JsonNode refused = rsvp(id, "en", Map.of("name", "Ada", "response", "GOING", "guests", "۳.۵"), 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("guests");
    }
}
