package org.tocsin.events;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import org.tocsin.kernel.Refusal;
import org.tocsin.text.RefusedText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link EventRequest} read from JSON and checked field by field, the one way every path that takes
 * the create body does it (a PATCH's merged result, each line of a bulk import): the same field names
 * and messages whichever path refused it.
 */
public final class EventRequests {

    private EventRequests() {}

    /**
     * The request one line of JSON holds, read straight into the record (a bulk import reads thousands;
     * a tree first doubled the work). A line that does not read cleanly is read again through the tree,
     * so that its refusal (or its {@link JacksonException} when it is not JSON) is word for word the one
     * {@link #read(JsonMapper, JsonNode)} gives.
     */
    public static EventRequest read(JsonMapper json, String text) {
        if (startsAnObject(text)) {
            try {
                return json.readerFor(EventRequest.class)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(text);
            } catch (JacksonException e) {
                // Refused below, as the tree path refuses it.
            }
        }
        return read(json, json.readTree(text));
    }

    private static boolean startsAnObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** The request the JSON object holds, or a refusal naming the field of the wrong form. */
    public static EventRequest read(JsonMapper json, JsonNode node) {
        if (!node.isObject()) {
            throw Refusal.invalid("body", "must be a JSON object");
        }
        try {
            return json.treeToValue(node, EventRequest.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getPropertyName() == null ? "[" + r.getIndex() + "]" : r.getPropertyName())
                    .reduce((a, b) -> a + "." + b)
                    .orElse("body");
            throw Refusal.invalid(
                    field,
                    e instanceof RefusedText refused
                            ? refused.reason()
                            : "has a value of the wrong form or is not a known property");
        }
    }

    /** Bean Validation's checks of the request, every field at fault named, in field order. */
    public static void validate(Validator validator, EventRequest request) {
        Set<ConstraintViolation<EventRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Refusal.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
    }
}
