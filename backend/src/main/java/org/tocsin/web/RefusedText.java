package org.tocsin.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A request text that {@link org.tocsin.text.UserText} refused; Jackson adds the field's path as it unwinds. */
public final class RefusedText extends MismatchedInputException {

    private final String reason;

    RefusedText(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    /** What to tell the client after the field name, e.g. "must be one line without control characters (found U+0007)". */
    public String reason() {
        return reason;
    }
}
