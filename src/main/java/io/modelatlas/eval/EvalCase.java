package io.modelatlas.eval;

import java.util.List;
import java.util.Objects;

/**
 * One case of a suite: a chat request and what its answer must satisfy.
 *
 * @param id          unique in the suite, used to resume a run and to line answers up side by side
 * @param requestJson the Chat Completions request body as a JSON object (messages, and optionally tools,
 *                    response_format, temperature, ...), without {@code model} and {@code stream}: the runner sets those
 *                    per target
 * @param input       the last user message, for reports
 */
public record EvalCase(String id, String requestJson, String input, List<Assertion> assertions) {
    public EvalCase {
        Objects.requireNonNull(requestJson, "requestJson");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a case needs an id");
        }
        if (!requestJson.trim().startsWith("{")) {
            throw new IllegalArgumentException("case " + id + ": the request must be a JSON object");
        }
        input = input == null ? "" : input;
        assertions = List.copyOf(assertions);
    }

    public boolean needsJudge() {
        return assertions.stream().anyMatch(a -> a instanceof Assertion.Judge);
    }
}
