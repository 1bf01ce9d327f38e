package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelatlas.eval.JsonChecks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON and JSON Schema checks with Jackson and networknt's json-schema-validator. Schemas default to draft 2020-12
 * (a schema may name another with {@code $schema}); remote {@code $ref}s are never fetched, so a check never touches
 * the network. Compiled schemas are cached by their text.
 */
public final class JacksonJsonChecks implements JsonChecks {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public Optional<String> whyInvalid(String text) {
        try {
            JSON.readTree(text);
            return text.isBlank() ? Optional.of("the answer is empty") : Optional.empty();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return Optional.of(e.getOriginalMessage().lines().findFirst().orElse("invalid") + where);
        }
    }

    @Override
    public List<String> schemaViolations(String schemaJson, String text) {
        try {
            JsonNode value = JSON.readTree(text);
            return schema(schemaJson).validate(value).stream().map(Error::toString).toList();
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The compiled schema; throws IllegalArgumentException with the reason when it is not a usable schema, so that a
     * suite fails at load and not in the middle of a run.
     */
    Schema schema(String schemaJson) {
        return schemas.computeIfAbsent(schemaJson, s -> {
            try {
                JsonNode node = JSON.readTree(s);
                // the validator accepts nonsense such as {"type": 12} silently; check the schema against its meta-schema first
                String dialect = node.path("$schema").asText(DRAFT_2020_12);
                List<Error> wrong = registry.getSchema(SchemaLocation.of(dialect)).validate(node);
                if (!wrong.isEmpty()) {
                    throw new IllegalArgumentException(wrong.get(0).toString());
                }
                Schema schema = registry.getSchema(node);
                schema.initializeValidators();
                return schema;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the schema is not JSON: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
            }
        });
    }
}
