package io.modelatlas.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small in-process server speaking the Chat Completions API as OpenAI documents it: {@code POST /v1/chat/completions}
 * with a Bearer key, one JSON {@code chat.completion} or server-sent {@code chat.completion.chunk} events ending with
 * {@code data: [DONE]}, the usage chunk when {@code stream_options.include_usage} is set, and errors as
 * {@code {"error": {"message", "type", "param", "code"}}} with 401, 404 (model_not_found), 429 (with Retry-After) and
 * 500. Each test scripts the reply per request; the server counts requests per user message and the most requests in
 * flight at once.
 */
final class FakeOpenAi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server leaves Nagle's algorithm on: each small SSE write would then wait for the client's delayed ACK
        // (about 40 ms), which real streaming servers do not do
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as received. */
    record Request(int number, String model, ObjectNode body, String authorization, String userMessage, boolean stream, boolean includeUsage) {}

    /** Writes a 200's body as it is, for bodies the protocol does not allow; it may write until the client goes away. */
    @FunctionalInterface
    interface RawBody {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * What to answer; build with {@link #text} or {@link #error} and the {@code with} methods, or {@link #raw} for a 200
     * whose body the test writes itself.
     */
    record Reply(int status, String text, String toolCallName, String toolCallArguments, long promptTokens, long completionTokens, boolean usage,
                 long firstDelayMs, long chunkDelayMs, int cutAfterChunks, boolean hang, Map<String, String> headers, String errorCode,
                 String errorMessage, boolean omitDone, String rawContentType, RawBody rawBody) {

        Reply(int status, String text, String toolCallName, String toolCallArguments, long promptTokens, long completionTokens, boolean usage,
              long firstDelayMs, long chunkDelayMs, int cutAfterChunks, boolean hang, Map<String, String> headers, String errorCode,
              String errorMessage, boolean omitDone) {
            this(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, usage, firstDelayMs, chunkDelayMs, cutAfterChunks,
                    hang, headers, errorCode, errorMessage, omitDone, null, null);
        }

        /** A 200 with this Content-Type and a body the test writes (sent chunked, as a stream is). */
        static Reply raw(String contentType, RawBody body) {
            return new Reply(200, "", null, null, 0, 0, false, 0, 0, -1, false, Map.of(), null, null, false, contentType, body);
        }

        /** A 200 with this Content-Type and body. */
        static Reply raw(String contentType, String body) {
            return raw(contentType, out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * A stream that never ends: a well-formed content chunk ("word ") every {@code everyMs}, and never a finish_reason
         * or [DONE], until the client goes away.
         */
        static Reply endlessStream(long everyMs) {
            String chunk = "data: {\"id\":\"chatcmpl-endless\",\"object\":\"chat.completion.chunk\",\"created\":1763856000,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},\"finish_reason\":null}]}\n\n";
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            return raw("text/event-stream", out -> {
                while (true) {
                    out.write(bytes);
                    out.flush();
                    sleep(everyMs);
                }
            });
        }

        /**
         * A JSON answer whose content never ends: 16 KB of it every {@code everyMs} (0: as fast as the client takes it),
         * with no line break, ever.
         */
        static Reply endlessJson(long everyMs) {
            byte[] filler = "a".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
            return raw("application/json", out -> {
                out.write("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
                while (true) {
                    out.write(filler);
                    out.flush();
                    sleep(everyMs);
                }
            });
        }

        static Reply text(String text) {
            return new Reply(200, text, null, null, 20, Math.max(1, text.split("\\s+").length), true, 0, 0, -1, false, Map.of(), null, null, false);
        }

        static Reply error(int status, String code, String message) {
            return new Reply(status, null, null, null, 0, 0, false, 0, 0, -1, false, Map.of(), code, message, false);
        }

        static Reply rateLimited(long retryAfterSeconds) {
            return error(429, "rate_limit_exceeded", "Rate limit reached for requests").withHeader("Retry-After", Long.toString(retryAfterSeconds));
        }

        static Reply hanging() {
            return new Reply(200, "", null, null, 0, 0, false, 0, 0, -1, true, Map.of(), null, null, false);
        }

        static Reply toolCall(String name, String arguments) {
            return new Reply(200, "", name, arguments, 30, 12, true, 0, 0, -1, false, Map.of(), null, null, false);
        }

        Reply withUsage(long prompt, long completion) {
            return new Reply(status, text, toolCallName, toolCallArguments, prompt, completion, true, firstDelayMs, chunkDelayMs, cutAfterChunks, hang, headers, errorCode, errorMessage, omitDone);
        }

        Reply withoutUsage() {
            return new Reply(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, false, firstDelayMs, chunkDelayMs, cutAfterChunks, hang, headers, errorCode, errorMessage, omitDone);
        }

        Reply withDelays(long firstMs, long betweenMs) {
            return new Reply(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, usage, firstMs, betweenMs, cutAfterChunks, hang, headers, errorCode, errorMessage, omitDone);
        }

        Reply cutAfter(int chunks) {
            return new Reply(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, usage, firstDelayMs, chunkDelayMs, chunks, hang, headers, errorCode, errorMessage, omitDone);
        }

        Reply withoutDone() {
            return new Reply(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, usage, firstDelayMs, chunkDelayMs, cutAfterChunks, hang, headers, errorCode, errorMessage, true);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, text, toolCallName, toolCallArguments, promptTokens, completionTokens, usage, firstDelayMs, chunkDelayMs, cutAfterChunks, hang, Map.copyOf(h), errorCode, errorMessage, omitDone);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });
    private final String key;
    private volatile Function<Request, Reply> script = r -> Reply.text("ok");
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> byMessage = new ConcurrentHashMap<>();
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);

    /** @param key the key clients must send as {@code Authorization: Bearer KEY}; null accepts any request */
    FakeOpenAi(String key) {
        this.key = key;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    FakeOpenAi script(Function<Request, Reply> script) {
        this.script = script;
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    int requests() {
        return requests.get();
    }

    int requestsFor(String userMessage) {
        AtomicInteger n = byMessage.get(userMessage);
        return n == null ? 0 : n.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (!ex.getRequestMethod().equals("POST")) {
                error(ex, 405, "invalid_request_error", null, "Method not allowed");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            ObjectNode body = (ObjectNode) JSON.readTree(ex.getRequestBody().readAllBytes());
            String user = "";
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asText())) {
                    user = m.path("content").asText();
                }
            }
            Request req = new Request(requests.incrementAndGet(), body.path("model").asText(), body, auth, user, body.path("stream").asBoolean(false),
                    body.path("stream_options").path("include_usage").asBoolean(false));
            received.add(req);
            byMessage.computeIfAbsent(user, k -> new AtomicInteger()).incrementAndGet();
            if (key != null && !("Bearer " + key).equals(auth)) {
                error(ex, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + (auth == null ? "none" : auth.replace("Bearer ", ""))
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.");
                return;
            }
            Reply reply = script.apply(req);
            if (reply.hang()) {
                ex.sendResponseHeaders(200, 0);
                closed.await(60, TimeUnit.SECONDS);
                throw new IOException("closed while hanging");
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (reply.rawBody() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.rawContentType());
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    reply.rawBody().write(out); // an endless body ends here with an IOException once the client hangs up
                }
                return;
            }
            if (reply.status() != 200) {
                error(ex, reply.status(), reply.status() == 429 ? "requests" : reply.status() >= 500 ? "server_error" : "invalid_request_error",
                        reply.errorCode(), reply.errorMessage());
                return;
            }
            sleep(reply.firstDelayMs());
            if (req.stream()) {
                stream(ex, req, reply);
            } else {
                json(ex, req, reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void json(HttpExchange ex, Request req, Reply reply) throws IOException {
        ObjectNode n = base(req, "chat.completion");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.toolCallName() != null) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
            call.putObject("function").put("name", reply.toolCallName()).put("arguments", reply.toolCallArguments());
        } else {
            message.put("content", reply.text());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", reply.toolCallName() != null ? "tool_calls" : "stop");
        if (reply.usage()) {
            n.set("usage", usage(reply));
        }
        byte[] bytes = n.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange ex, Request req, Reply reply) throws IOException, InterruptedException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode first = base(req, "chat.completion.chunk");
        first.putArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode().put("role", "assistant").put("content", ""))
                .putNull("finish_reason");
        chunks.add(first);
        if (reply.toolCallName() != null) {
            ObjectNode c = base(req, "chat.completion.chunk");
            ObjectNode delta = c.putArray("choices").addObject().put("index", 0).putObject("delta");
            ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "function");
            call.putObject("function").put("name", reply.toolCallName()).put("arguments", "");
            chunks.add(c);
            String args = reply.toolCallArguments();
            for (int i = 0; i < args.length(); i += 8) {
                ObjectNode a = base(req, "chat.completion.chunk");
                ObjectNode d = a.putArray("choices").addObject().put("index", 0).putObject("delta");
                d.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", args.substring(i, Math.min(args.length(), i + 8)));
                chunks.add(a);
            }
        } else {
            for (String piece : pieces(reply.text())) {
                ObjectNode c = base(req, "chat.completion.chunk");
                c.putArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode().put("content", piece)).putNull("finish_reason");
                chunks.add(c);
            }
        }
        ObjectNode last = base(req, "chat.completion.chunk");
        last.putArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode())
                .put("finish_reason", reply.toolCallName() != null ? "tool_calls" : "stop");
        chunks.add(last);
        if (reply.usage() && req.includeUsage()) {
            ObjectNode u = base(req, "chat.completion.chunk");
            u.putArray("choices");
            u.set("usage", usage(reply));
            chunks.add(u);
        }
        int sent = 0;
        for (ObjectNode c : chunks) {
            if (reply.cutAfterChunks() >= 0 && sent == reply.cutAfterChunks()) {
                out.flush();
                throw new IOException("cut off after " + sent + " chunks"); // the server drops the connection mid-stream
            }
            if (sent > 0) {
                sleep(reply.chunkDelayMs());
            }
            out.write(("data: " + c + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent++;
        }
        if (!reply.omitDone()) {
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.close();
    }

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static ObjectNode usage(Reply r) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", r.promptTokens()).put("completion_tokens", r.completionTokens()).put("total_tokens", r.promptTokens() + r.completionTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
        return u;
    }

    private static ObjectNode base(Request req, String object) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-" + req.number()).put("object", object).put("created", 1_763_856_000L).put("model", req.model());
        n.putNull("system_fingerprint");
        return n;
    }

    private static void error(HttpExchange ex, int status, String type, String code, String message) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode e = n.putObject("error");
        e.put("message", message).put("type", type).putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        byte[] bytes = n.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
