package org.tocsin.web.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names each body schema so that two types never share one. Springdoc names a schema by the type's simple name
 * and silently merges types that share it (a backup and an export were both {@code Written}, two-factor status
 * and an import's status both {@code Status}), so a partner read one described with the other's fields. A nested
 * type is named with the types around it ({@code BackupsWritten}, {@code TwoFactorStatus}); a controller's
 * {@code Controller} suffix is dropped, since it says nothing to a reader of the API.
 */
@Configuration(proxyBeanMethods = false)
class SchemaNames {

    @Bean
    ModelResolver tocsinSchemaNames(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new Resolver());
    }

    /** The schema name of a Java type, as the document writes it. */
    static String of(Class<?> type) {
        String name = type.getSimpleName();
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name = outer.getSimpleName().replaceFirst("Controller$", "") + name;
        }
        return name;
    }

    private static final class Resolver extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            return type.getName().startsWith("org.tocsin.") ? of(type) : super.getNameOfClass(type);
        }
    }
}
