package io.modelatlas.eval;

import java.util.List;
import java.util.Optional;

/** JSON parsing and JSON Schema validation for assertions; implemented at the edge, where a JSON library is allowed. */
public interface JsonChecks {

    /** Why the text is not one JSON value, or empty when it is. */
    Optional<String> whyInvalid(String text);

    /** What in the JSON text breaks the schema: empty when it conforms. The text must be valid JSON. */
    List<String> schemaViolations(String schemaJson, String text);
}
