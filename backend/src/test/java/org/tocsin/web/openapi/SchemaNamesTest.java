package org.tocsin.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Springdoc silently merges two types that share a schema name: a partner then reads one of them described with
 * the other's fields. So no two types that requests or answers carry may share one, and the document names each
 * of them as {@link SchemaNames} says.
 */
class SchemaNamesTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void noTwoRequestOrAnswerTypesShareASchemaName() {
        Set<Class<?>> seen = new HashSet<>();
        handlers.getHandlerMethods().values().forEach(method -> {
            collect(ResolvableType.forMethodReturnType(method.getMethod()), seen);
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(ResolvableType.forMethodParameter(parameter), seen);
                }
            }
        });
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Class<?> type : seen) {
            byName.computeIfAbsent(SchemaNames.of(type), n -> new TreeSet<>()).add(type.getName());
        }
        assertThat(seen).hasSizeGreaterThan(40);
        assertThat(byName.values())
                .allSatisfy(types -> assertThat(types)
                        .as("one schema name for several types")
                        .hasSize(1));
        JsonNode schemas = web.get()
                .uri("/v3/api-docs")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("components")
                .path("schemas");
        assertThat(schemas.propertyNames()).contains("BackupsWritten", "ExportsWritten", "TwoFactorStatus");
    }

    /** The Tocsin types inside a type: its generics unwrapped (Mono, Flux, List…), records followed field by field. */
    private static void collect(ResolvableType type, Set<Class<?>> seen) {
        for (ResolvableType generic : type.getGenerics()) {
            collect(generic, seen);
        }
        if (type.isArray()) {
            collect(type.getComponentType(), seen);
        }
        Class<?> raw = type.resolve();
        if (raw == null || raw.isEnum() || !raw.getName().startsWith("org.tocsin.") || !seen.add(raw)) {
            return;
        }
        if (raw.isRecord()) {
            for (var component : raw.getRecordComponents()) {
                Type generic = component.getGenericType();
                collect(ResolvableType.forType(generic), seen);
            }
        }
    }
}
