package org.tocsin.web;

import org.springframework.stereotype.Component;
import org.tocsin.text.MultiLine;
import org.tocsin.text.RefusedText;
import org.tocsin.text.UserText;
import org.tocsin.text.Verbatim;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of every JSON request body goes through {@link UserText} as it is read, whatever the
 * feature: one line unless the record component is {@link MultiLine}, untouched if {@link Verbatim}.
 * Spring Boot registers this module with the one {@code JsonMapper} the codecs (and the event PATCH's
 * {@code treeToValue}) use, so a new request field is covered without anyone remembering to. A refused
 * text is a {@link RefusedText}: 400 naming the field.
 */
@Component
class UserTextModule extends SimpleModule {

    UserTextModule() {
        super("tocsin-user-text");
        addDeserializer(String.class, new Text(Kind.ONE_LINE));
    }

    private enum Kind {
        ONE_LINE,
        MULTI_LINE,
        VERBATIM
    }

    private static final class Text extends StringDeserializer {

        private final Kind kind;

        Text(Kind kind) {
            this.kind = kind;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property == null) {
                return this;
            }
            Kind wanted = property.getAnnotation(Verbatim.class) != null
                    ? Kind.VERBATIM
                    : property.getAnnotation(MultiLine.class) != null ? Kind.MULTI_LINE : Kind.ONE_LINE;
            return wanted == kind ? this : new Text(wanted);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String raw = super.deserialize(p, ctxt);
            try {
                return switch (kind) {
                    case ONE_LINE -> UserText.oneLine(raw);
                    case MULTI_LINE -> UserText.multiLine(raw);
                    case VERBATIM -> raw;
                };
            } catch (UserText.Refused refused) {
                throw new RefusedText(p, refused.getMessage());
            }
        }
    }
}
