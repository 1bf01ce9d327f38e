package io.modelatlas.eval.suite;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it was written: Jackson's trees forget locations, and a suite's errors must name the line.
 * {@code value} is a {@code Map<String, Node>} (in file order), a {@code List<Node>} or a {@link Scalar}.
 */
record Node(Object value, int line, String path) {

    /** A scalar's text exactly as written (so {@code 0.10} stays {@code 0.10}) and the type YAML gave it. */
    record Scalar(String text, JsonToken type) {}

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isScalar() {
        return value instanceof Scalar;
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> map() {
        return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    List<Node> list() {
        return (List<Node>) value;
    }

    Scalar scalar() {
        return (Scalar) value;
    }

    boolean isNull() {
        return isScalar() && scalar().type() == JsonToken.VALUE_NULL;
    }
}
