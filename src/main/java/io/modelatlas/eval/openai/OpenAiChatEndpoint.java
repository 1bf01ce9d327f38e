package io.modelatlas.eval.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.eval.ApiKey;
import io.modelatlas.eval.ChatEndpoint;
import io.modelatlas.eval.Completion;
import io.modelatlas.eval.EndpointException;
import io.modelatlas.eval.EndpointException.Kind;
import io.modelatlas.eval.Redactor;
import io.modelatlas.eval.Target;
import io.modelatlas.text.Clip;
import io.modelatlas.tokens.ChatTokenCounter;
import io.modelatlas.tokens.TokenCounter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * An OpenAI-compatible Chat Completions endpoint ({@code POST {base}/chat/completions}). Streaming targets ask for
 * server-sent events with {@code stream_options.include_usage}, which gives the time to first token and the usage in
 * the last chunk; others get one JSON answer. Where the endpoint reports no usage, tokens are counted from the request
 * and the answer with the model's tokenizer, and the completion says so. One deadline covers the whole call, from
 * sending to the last byte of the body, and a body is read up to a size limit; past either the call fails. The key is
 * sent in the Authorization header only, and everything this client keeps of a response (the answer, and any error
 * message quoting the endpoint) passes through one {@link Redactor} first.
 */
public final class OpenAiChatEndpoint implements ChatEndpoint {
    /**
     * The most bytes read of one response body. A real answer is bounded by the model's output limit (at most 128K
     * tokens today): about 0.5 MB as one JSON answer, and up to about 40 MB as server-sent events, where each token
     * comes in its own event inside a JSON envelope of about 300 bytes. 64 MB leaves room for that, and still bounds
     * the memory an endpoint that never stops sending can take (a streamed body is not kept, only its text).
     */
    public static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 16 * 1024;
    private static final int QUOTE_LIMIT = 300;

    private final HttpClient http;
    private final Target target;
    private final ApiKey key;
    private final Redactor redactor;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final TokenCounter counter;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final URI url;

    /**
     * @param nanoTime the clock that measures time to first token and latency (read three times a request: at the
     *                 start, at the first token and at the end); tests pass a scripted one
     */
    public OpenAiChatEndpoint(HttpClient http, Target target, ApiKey key, Duration timeout, TokenCounter counter, LongSupplier nanoTime, Clock clock) {
        this(http, target, key, timeout, MAX_BODY_BYTES, counter, nanoTime, clock);
    }

    /** As above, with another size limit on a response body than {@link #MAX_BODY_BYTES}; tests pass a small one. */
    public OpenAiChatEndpoint(HttpClient http, Target target, ApiKey key, Duration timeout, long maxBodyBytes, TokenCounter counter,
                              LongSupplier nanoTime, Clock clock) {
        this.http = http;
        this.target = target;
        this.key = key;
        this.redactor = Redactor.of(key);
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.counter = counter;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.url = URI.create(target.baseUrl() + "/chat/completions");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The one way out of this client: whatever path made the answer or the error, its text is redacted here (the
     * paths that quote a body redact it before cutting it, so that no cut-off piece of a key is left either).
     */
    @Override
    public Completion complete(String requestJson) {
        Completion c;
        try {
            c = send(requestJson);
        } catch (EndpointException e) {
            throw new EndpointException(e.kind(), e.status(), redactor.redact(e.getMessage()), e.retryAfter());
        }
        return new Completion(redactor.redact(c.text()), c.inputTokens(), c.cachedInputTokens(), c.outputTokens(), c.reasoningTokens(),
                c.usageMeasured(), c.timeToFirstToken(), c.latency(), redactor.redact(c.finishReason()));
    }

    private Completion send(String requestJson) {
        ObjectNode body = body(requestJson);
        HttpRequest.Builder req = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", target.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if ("http".equalsIgnoreCase(url.getScheme())) {
            req.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain-text local servers
        }
        if (key.present()) {
            req.header("Authorization", key.bearer());
        }
        long start = nanoTime.getAsLong();
        long deadline = System.nanoTime() + timeout.toNanos(); // deadlines run on the real clock, whatever clock measures
        BodyReader reader = new BodyReader(System::nanoTime, deadline, timeout, maxBodyBytes);
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent = http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(sent, deadline);
        response.body().subscribe(reader);
        try {
            int status = response.statusCode();
            if (status != 200) {
                String text = reader.head(ERROR_BODY_LIMIT, "the error body");
                throw new EndpointException(Kind.ofStatus(status), status, errorMessage(status, text), retryAfter(response));
            }
            boolean sse = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
            Answer answer = sse ? readStream(reader) : readJson(reader);
            return answer.completion(body, start, nanoTime.getAsLong());
        } finally {
            reader.cancel();
        }
    }

    private ObjectNode body(String requestJson) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(requestJson);
            body.put("model", target.model());
            body.put("stream", target.stream());
            if (target.stream()) {
                body.putObject("stream_options").put("include_usage", true);
            } else {
                body.remove("stream_options");
            }
            return body;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("the case's request is not a JSON object", e);
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> await(CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent, long deadline) {
        try {
            return sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new EndpointException(Kind.TIMEOUT, 0, "no response within the " + BodyReader.duration(timeout) + " timeout", null);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new EndpointException(Kind.TIMEOUT, 0, "no response within the " + BodyReader.duration(timeout) + " timeout", null);
            }
            String what = cause instanceof ConnectException ? "cannot connect to " + target.baseUrl().getHost() + ":" + port()
                    : "the request failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            throw new EndpointException(cause instanceof IOException && !(cause instanceof ConnectException) ? Kind.STREAM_CUT : Kind.UNREACHABLE,
                    0, redactor.redact(what), null);
        }
    }

    private int port() {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The parts of an answer as they arrive, from either form. */
    private final class Answer {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
        JsonNode usage;
        String finishReason;
        Long firstToken;

        Completion completion(ObjectNode request, long start, long end) {
            String out = text.length() > 0 || toolCalls.isEmpty() ? text.toString() : toolCallsJson();
            Duration ttft = firstToken == null ? null : Duration.ofNanos(firstToken - start);
            Duration latency = Duration.ofNanos(end - start);
            if (usage != null && usage.hasNonNull("prompt_tokens") && usage.hasNonNull("completion_tokens")) {
                return new Completion(out, usage.get("prompt_tokens").asLong(), usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                        usage.get("completion_tokens").asLong(), usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0),
                        true, ttft, latency, finishReason);
            }
            return new Completion(out, promptTokens(request), 0, counter.count(out), 0, false, ttft, latency, finishReason);
        }

        private String toolCallsJson() {
            ArrayNode calls = JSON.createArrayNode();
            for (ObjectNode call : toolCalls.values()) {
                ObjectNode c = calls.addObject();
                c.put("name", call.path("function").path("name").asText(""));
                String args = call.path("function").path("arguments").asText("");
                try {
                    c.set("arguments", JSON.readTree(args));
                } catch (JsonProcessingException e) {
                    c.put("arguments", args);
                }
            }
            return calls.toString();
        }

        void addToolCallDelta(JsonNode delta) {
            int index = delta.path("index").asInt(toolCalls.size());
            ObjectNode call = toolCalls.computeIfAbsent(index, i -> {
                ObjectNode n = JSON.createObjectNode();
                n.putObject("function").put("name", "").put("arguments", "");
                return n;
            });
            ObjectNode f = (ObjectNode) call.get("function");
            JsonNode df = delta.path("function");
            if (df.hasNonNull("name")) {
                f.put("name", f.get("name").asText() + df.get("name").asText());
            }
            if (df.hasNonNull("arguments")) {
                f.put("arguments", f.get("arguments").asText() + df.get("arguments").asText());
            }
        }
    }

    private long promptTokens(ObjectNode request) {
        ChatTokenCounter chat = new ChatTokenCounter(counter, target.model());
        TypeReference<List<Map<String, Object>>> list = new TypeReference<>() { };
        List<Map<String, Object>> messages = JSON.convertValue(request.get("messages"), list);
        List<Map<String, Object>> tools = request.has("tools") ? JSON.convertValue(request.get("tools"), list) : null;
        return chat.promptTokens(messages, tools, null, null);
    }

    private Answer readStream(BodyReader reader) {
        Answer a = new Answer();
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.nextLine("the stream")) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    String event = data.toString();
                    data.setLength(0);
                    if (event.equals("[DONE]")) {
                        return a;
                    }
                    chunk(a, event);
                }
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
            // "event:", "id:", "retry:" and ":" comment lines (keep-alives) carry nothing for us
        }
        if (data.length() > 0 && !data.toString().equals("[DONE]")) {
            chunk(a, data.toString());
        }
        if (a.finishReason == null) {
            throw new EndpointException(Kind.STREAM_CUT, 200, "the stream ended before the answer did (no finish_reason, no [DONE]) after "
                    + a.text.length() + " characters", null);
        }
        return a; // complete answer, only the [DONE] line missing: some servers omit it
    }

    private void chunk(Answer a, String event) {
        JsonNode n;
        try {
            n = JSON.readTree(event);
        } catch (JsonProcessingException e) {
            throw new EndpointException(Kind.BAD_RESPONSE, 200, "a stream event is not JSON: " + quote(event), null);
        }
        if (n.has("error")) {
            throw new EndpointException(Kind.SERVER_ERROR, 200, "error in the stream: " + errorText(n.get("error"), event), null);
        }
        for (JsonNode choice : n.path("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue;
            }
            JsonNode delta = choice.path("delta");
            String content = delta.path("content").isTextual() ? delta.get("content").asText() : "";
            if (!content.isEmpty() || delta.path("tool_calls").size() > 0
                    || delta.path("reasoning_content").isTextual() && !delta.get("reasoning_content").asText().isEmpty()) {
                if (a.firstToken == null) {
                    a.firstToken = nanoTime.getAsLong();
                }
            }
            a.text.append(content);
            for (JsonNode call : delta.path("tool_calls")) {
                a.addToolCallDelta(call);
            }
            if (choice.hasNonNull("finish_reason")) {
                a.finishReason = choice.get("finish_reason").asText();
            }
        }
        if (n.hasNonNull("usage")) {
            a.usage = n.get("usage");
        }
    }

    private Answer readJson(BodyReader reader) {
        String text = reader.rest("the answer");
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EndpointException(Kind.BAD_RESPONSE, 200, "the answer is not JSON: " + quote(text), null);
        }
        JsonNode choice = n.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new EndpointException(Kind.BAD_RESPONSE, 200, "the answer has no choices: " + quote(text), null);
        }
        Answer a = new Answer();
        JsonNode message = choice.path("message");
        a.text.append(message.path("content").isTextual() ? message.get("content").asText() : "");
        int i = 0;
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode c = call.deepCopy();
            a.toolCalls.put(i++, c);
        }
        a.finishReason = choice.path("finish_reason").asText(null);
        a.usage = n.get("usage");
        return a;
    }

    private String errorMessage(int status, String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.has("error")) {
                return errorText(n.get("error"), body);
            }
            if (n != null && n.hasNonNull("message")) {
                return quote(n.get("message").asText());
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself
        }
        return body.isBlank() ? "HTTP " + status + " with an empty body" : quote(body.trim());
    }

    private String errorText(JsonNode error, String raw) {
        if (error.isTextual()) {
            return quote(error.asText());
        }
        String message = error.path("message").asText("");
        String code = error.path("code").isValueNode() ? error.path("code").asText("") : "";
        return quote(message.isEmpty() ? raw : message) + (code.isEmpty() || code.equals("null") ? "" : " [" + quote(code) + "]");
    }

    /** Text from the endpoint, fit to quote in a message: redacted first, then cut, so that no cut-off piece of a key stays. */
    private String quote(String text) {
        return Clip.clip(redactor.redact(text), QUOTE_LIMIT);
    }

    /** Retry-After in seconds or as an HTTP date, or the retry-after-ms some providers send; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        String ms = response.headers().firstValue("retry-after-ms").orElse(null);
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        String v = response.headers().firstValue("Retry-After").orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
