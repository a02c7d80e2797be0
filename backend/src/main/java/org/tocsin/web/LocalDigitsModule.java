package org.tocsin.web;

import org.springframework.stereotype.Component;
import org.tocsin.text.Digits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Whole numbers sent as text in Persian or Arabic-Indic digits ({@code "guests": "۳"}) read as the
 * number they say, as ASCII digits in text already do; everything else is Jackson's own reading,
 * unchanged (so its refusals stay 400s naming the field).
 */
@Component
class LocalDigitsModule extends SimpleModule {

    LocalDigitsModule() {
        super("tocsin-local-digits");
        addDeserializer(Integer.class, new LocalDigits());
    }

    private static final class LocalDigits extends ValueDeserializer<Integer> {

        private static final NumberDeserializers.IntegerDeserializer JACKSON =
                new NumberDeserializers.IntegerDeserializer(Integer.class, null);

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getString();
                String ascii = Digits.ascii(text);
                if (!ascii.equals(text)) {
                    String digits = ascii.strip();
                    if (digits.matches("[+-]?[0-9]{1,9}")) {
                        return Integer.valueOf(digits);
                    }
                    return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "not a whole number");
                }
            }
            return JACKSON.deserialize(p, ctxt);
        }
    }
}
