package org.tocsin.web;

import java.time.temporal.Temporal;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Dates;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every java.time value read from a JSON body must fall in {@link Dates}' years: the usual
 * deserializer reads it, then this rejects it with an error naming the field (a 400 from
 * {@link ProblemExceptionHandler}). Spring Boot registers every Jackson module bean with its mapper.
 */
@Component
class DateRangeModule extends SimpleModule {

    DateRangeModule() {
        super("tocsin-date-range");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new InRange(deserializer)
                        : deserializer;
            }
        });
    }

    /** Thrown for a date outside the years; the problem handler words it as such. */
    static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, Dates.OUT_OF_RANGE, value, type);
        }
    }

    private static final class InRange extends DelegatingDeserializer {

        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof Temporal temporal && !Dates.inRange(temporal)) {
                throw new OutOfRange(parser, value.toString(), value.getClass());
            }
            return value;
        }
    }
}
