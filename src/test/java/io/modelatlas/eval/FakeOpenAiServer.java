package io.modelatlas.eval;

import java.net.URI;
import java.util.List;

/** {@link FakeOpenAi} for tests outside this package: a server that answers every request with one text. */
public final class FakeOpenAiServer implements AutoCloseable {
    private final FakeOpenAi fake;

    public FakeOpenAiServer(String key) {
        fake = new FakeOpenAi(key);
    }

    /** Answers every request with this text, 1,000 prompt and 100 completion tokens of usage. */
    public void answerAll(String text) {
        fake.script(r -> FakeOpenAi.Reply.text(text).withUsage(1000, 100));
    }

    public URI baseUrl() {
        return fake.baseUrl();
    }

    public int requests() {
        return fake.requests();
    }

    /** The requests received, as the wire carried them. */
    public List<Received> received() {
        return fake.received().stream().map(r -> new Received(r.model(), r.authorization(), r.userMessage())).toList();
    }

    public record Received(String model, String authorization, String userMessage) {}

    @Override
    public void close() {
        fake.close();
    }
}
