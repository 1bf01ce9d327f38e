package io.modelatlas.eval;

/** An OpenAI-compatible Chat Completions endpoint serving one target's model. */
public interface ChatEndpoint {

    /**
     * Sends one request and waits for the whole answer.
     *
     * @param requestJson the request body without {@code model} and {@code stream}; the endpoint adds them
     * @throws EndpointException when there is no answer; its kind says whether trying again may help
     */
    Completion complete(String requestJson);

    /** Opens the endpoint of a target; implemented at the edge ({@code eval.openai}) and handed in by the composition root. */
    @FunctionalInterface
    interface Factory {
        ChatEndpoint open(Target target, ApiKey key, java.time.Duration timeout);
    }
}
