package io.modelatlas.eval.openai;

import io.modelatlas.eval.ApiKey;
import io.modelatlas.eval.ChatEndpoint;
import io.modelatlas.eval.Target;
import io.modelatlas.tokens.TokenCounter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** Opens {@link OpenAiChatEndpoint}s over one shared HTTP client (its connection pool serves every target). */
public final class OpenAiEndpoints implements ChatEndpoint.Factory {
    private final HttpClient http;
    private final Function<String, TokenCounter> tokenizerOfModel;
    private final LongSupplier nanoTime;
    private final Clock clock;

    /**
     * @param tokenizerOfModel the token counter for a target's model (by the id it is priced as), used when an endpoint
     *                         reports no usage
     */
    public OpenAiEndpoints(Function<String, TokenCounter> tokenizerOfModel, LongSupplier nanoTime, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokenizerOfModel = tokenizerOfModel;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    @Override
    public ChatEndpoint open(Target target, ApiKey key, Duration timeout) {
        return new OpenAiChatEndpoint(http, target, key, timeout, tokenizerOfModel.apply(target.pricedModel()), nanoTime, clock);
    }
}
