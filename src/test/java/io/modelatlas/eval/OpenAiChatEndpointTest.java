package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modelatlas.eval.EndpointException.Kind;
import io.modelatlas.eval.openai.OpenAiChatEndpoint;
import io.modelatlas.eval.FakeOpenAi.Reply;
import io.modelatlas.tokens.TokenCounters;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Chat Completions client against a server speaking the documented wire protocol. */
class OpenAiChatEndpointTest {
    private static final String KEY = "sk-test-4f9c2a7d1e8b";
    private static final String REQUEST = "{\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"}]}";
    private final FakeOpenAi server = new FakeOpenAi(KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiChatEndpoint endpoint(boolean stream, Duration timeout, String key) {
        return endpoint(stream, timeout, OpenAiChatEndpoint.MAX_BODY_BYTES, key);
    }

    private OpenAiChatEndpoint endpoint(boolean stream, Duration timeout, long maxBodyBytes, String key) {
        Target t = new Target("a", "gpt-4.1-mini", server.baseUrl(), "KEY", null, stream);
        return new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.of(key), timeout, maxBodyBytes, TokenCounters.forEncoding("o200k_base"),
                System::nanoTime, Clock.systemUTC());
    }

    /** The call's exception; a call that does not end within a generous bound fails the test instead of hanging it. */
    private static EndpointException failure(OpenAiChatEndpoint endpoint) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                endpoint.complete(REQUEST);
            } catch (EndpointException e) {
                return e;
            }
            throw new AssertionError("the call returned an answer");
        });
    }

    @Test
    void streams_the_answer_with_usage_and_measures_time_to_first_token() {
        server.script(r -> Reply.text("The refund window is 30 days.").withUsage(41, 8).withDelays(60, 15));
        Completion c = endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST);

        assertThat(c.text()).isEqualTo("The refund window is 30 days.");
        assertThat(c.inputTokens()).isEqualTo(41);
        assertThat(c.outputTokens()).isEqualTo(8);
        assertThat(c.usageMeasured()).isTrue();
        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(c.latency()).isGreaterThan(c.timeToFirstToken());
        FakeOpenAi.Request sent = server.received().get(0);
        assertThat(sent.stream()).isTrue();
        assertThat(sent.includeUsage()).isTrue();
        assertThat(sent.model()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void a_non_streaming_target_gets_one_json_answer_and_no_time_to_first_token() {
        server.script(r -> Reply.text("plain answer").withUsage(12, 2));
        Completion c = endpoint(false, Duration.ofSeconds(10), KEY).complete(REQUEST);

        assertThat(c.text()).isEqualTo("plain answer");
        assertThat(c.inputTokens()).isEqualTo(12);
        assertThat(c.timeToFirstToken()).isNull();
        assertThat(server.received().get(0).stream()).isFalse();
        assertThat(server.received().get(0).body().has("stream_options")).isFalse();
    }

    @Test
    void streamed_tool_calls_become_the_answer_as_json() {
        server.script(r -> Reply.toolCall("lookup_order", "{\"order_id\": 4217, \"verbose\": false}"));
        Completion c = endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST);

        assertThat(c.text()).isEqualTo("[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":4217,\"verbose\":false}}]");
        assertThat(c.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void without_usage_from_the_endpoint_tokens_are_counted_with_the_tokenizer() {
        server.script(r -> Reply.text("hello world").withoutUsage());
        Completion c = endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST);

        // cookbook rule: 3 per message + "user" (1) + "hello world" (2) + 3 to prime the reply; the answer is 2 tokens in o200k_base
        assertThat(c.inputTokens()).isEqualTo(9);
        assertThat(c.outputTokens()).isEqualTo(2);
        assertThat(c.usageMeasured()).isFalse();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(Reply.error(404, "model_not_found", "The model `gpt-9` does not exist or you do not have access to it."), Kind.MODEL_NOT_FOUND, 404),
                Arguments.of(Reply.rateLimited(7), Kind.RATE_LIMITED, 429),
                Arguments.of(Reply.error(500, null, "The server had an error while processing your request."), Kind.SERVER_ERROR, 500),
                Arguments.of(Reply.error(503, null, "The engine is currently overloaded."), Kind.SERVER_ERROR, 503),
                Arguments.of(Reply.error(400, "context_length_exceeded", "This model's maximum context length is 128000 tokens."), Kind.REJECTED, 400));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void error_statuses_map_to_kinds_with_the_endpoint_message(Reply reply, Kind kind, int status) {
        server.script(r -> reply);
        assertThatThrownBy(() -> endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST))
                .isInstanceOfSatisfying(EndpointException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(reply.errorMessage());
                    if (status == 429) {
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    }
                });
    }

    @Test
    void a_wrong_key_is_auth_rejected_and_the_key_is_not_in_the_message() {
        String wrong = "sk-wrong-9d8e7f6a5b4c";
        assertThatThrownBy(() -> endpoint(true, Duration.ofSeconds(10), wrong).complete(REQUEST))
                .isInstanceOfSatisfying(EndpointException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH_REJECTED);
                    assertThat(e.getMessage()).contains("Incorrect API key provided: ***").doesNotContain(wrong);
                });
    }

    @Test
    void a_stream_cut_off_mid_answer_is_a_cut_stream() {
        server.script(r -> Reply.text("one two three four five six").cutAfter(3));
        assertThatThrownBy(() -> endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STREAM_CUT));
    }

    @Test
    void a_complete_answer_without_the_done_line_is_accepted() {
        server.script(r -> Reply.text("all here").withoutDone());
        assertThat(endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST).text()).isEqualTo("all here");
    }

    @Test
    void a_stream_slower_than_the_timeout_times_out() {
        server.script(r -> Reply.text("a b c d e f g h i j").withDelays(0, 150));
        assertThatThrownBy(() -> endpoint(true, Duration.ofMillis(400), KEY).complete(REQUEST))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void a_server_that_never_answers_times_out() {
        server.script(r -> Reply.hanging());
        assertThatThrownBy(() -> endpoint(true, Duration.ofMillis(300), KEY).complete(REQUEST))
                .isInstanceOfSatisfying(EndpointException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void a_closed_port_is_unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Target t = new Target("a", "m", URI.create("http://127.0.0.1:" + port + "/v1"), null, null, true);
        OpenAiChatEndpoint e = new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.none(), Duration.ofSeconds(5),
                TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC());
        assertThatThrownBy(() -> e.complete(REQUEST)).isInstanceOfSatisfying(EndpointException.class, x -> assertThat(x.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void an_interrupted_caller_abandons_the_request() throws Exception {
        server.script(r -> Reply.hanging());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                endpoint(true, Duration.ofSeconds(30), KEY).complete(REQUEST);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        while (server.requests() == 0) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void an_endless_stream_is_cut_at_the_timeout_which_covers_the_whole_response() {
        server.script(r -> Reply.endlessStream(10));
        EndpointException e = failure(endpoint(true, Duration.ofSeconds(1), KEY));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("the 1 s timeout passed while reading the stream", "covers the whole response");
    }

    @Test
    void an_endless_stream_sent_as_fast_as_it_is_read_is_cut_at_the_timeout_too() {
        // data is always waiting here: a deadline checked only while waiting for data would never pass (a limit big
        // enough not to come first; the text of a stream is all that is kept of it)
        server.script(r -> Reply.endlessStream(0));
        EndpointException e = failure(endpoint(true, Duration.ofSeconds(1), 1L << 30, KEY));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void an_endless_answer_that_is_not_a_stream_is_cut_at_the_timeout() {
        server.script(r -> Reply.endlessJson(10));
        EndpointException e = failure(endpoint(false, Duration.ofSeconds(1), KEY));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("while reading the answer");
    }

    @Test
    void an_endless_answer_is_cut_at_the_size_limit_and_not_read_further() {
        server.script(r -> Reply.endlessJson(0));
        EndpointException e = failure(endpoint(false, Duration.ofSeconds(30), 1024 * 1024, KEY));
        assertThat(e.kind()).isEqualTo(Kind.BODY_TOO_LARGE);
        assertThat(e.kind().retriable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("the answer went past the limit of 1 MB on a response body; the rest was not read");
    }

    @Test
    void an_endless_stream_is_cut_at_the_size_limit_too() {
        server.script(r -> Reply.endlessStream(0));
        EndpointException e = failure(endpoint(true, Duration.ofSeconds(30), 256 * 1024, KEY));
        assertThat(e.kind()).isEqualTo(Kind.BODY_TOO_LARGE);
        assertThat(e.getMessage()).contains("the stream went past the limit of 256 KB");
    }

    static Stream<Arguments> echoes() {
        String html = "<html><body><h1>Gateway</h1><pre>POST /v1/chat/completions HTTP/1.1\nAuthorization: %s\nAccept: */*</pre>"
                + "<p>key on file: %s</p></body></html>";
        return Stream.of(
                Arguments.of("an HTML page listing the request's headers",
                        (Function<String, Reply>) auth -> Reply.raw("text/html", html.formatted(auth, KEY.substring(0, 14))), true),
                Arguments.of("an HTML page to a target that does not stream",
                        (Function<String, Reply>) auth -> Reply.raw("text/html; charset=utf-8", html.formatted(auth, KEY.substring(6))), false),
                Arguments.of("a stream event that is not JSON",
                        (Function<String, Reply>) auth -> Reply.raw("text/event-stream", "data: {\"choices\": [{\"debug\": {\"authorization\": \""
                                + auth + "\"\n\n"), true),
                Arguments.of("a plain-text 200",
                        (Function<String, Reply>) auth -> Reply.raw("text/plain", "upstream ok; forwarded with " + auth + " (key " + KEY + ")"), false),
                Arguments.of("a JSON 200 without choices",
                        (Function<String, Reply>) auth -> Reply.raw("application/json", "{\"headers\": {\"Authorization\": \"" + auth + "\"}}"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void a_200_that_echoes_the_key_is_a_bad_response_whose_message_holds_no_part_of_the_key(String what, Function<String, Reply> echo, boolean stream) {
        server.script(r -> echo.apply(r.authorization()));
        EndpointException e = failure(endpoint(stream, Duration.ofSeconds(10), KEY));
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("***").doesNotContain(KEY).doesNotContain(KEY.substring(0, 8)).doesNotContain(KEY.substring(KEY.length() - 8));
    }

    @Test
    void an_answer_that_echoes_the_key_is_kept_without_it() {
        server.script(r -> Reply.text("Your request came with Authorization: " + r.authorization() + "\nand the key " + KEY.substring(3) + " is valid."));
        Completion c = endpoint(true, Duration.ofSeconds(10), KEY).complete(REQUEST);
        assertThat(c.text()).isEqualTo("Your request came with Authorization: ***\nand the key *** is valid.");
    }
}
