package org.tocsin.text;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request text that {@link UserText} refused, as the JSON reader reports it; Jackson adds the field's
 * path as it unwinds. Thrown by the web edge's decoding module, read by the edge's problem mapping and by
 * controllers that decode a body themselves (an event's merge patch).
 */
public final class RefusedText extends MismatchedInputException {

    private final String reason;

    public RefusedText(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    /** What to tell the client after the field name, e.g. "must be one line without control characters (found U+0007)". */
    public String reason() {
        return reason;
    }
}
