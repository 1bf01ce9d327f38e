package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.TokenCountJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.tokens.TokenCounter;
import io.modelatlas.tokens.TokenCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/tokens?encoding=|model=}: the exact token count of the request body (UTF-8 text), by a
 * tiktoken encoding or by a model's tokenizer, as {@code modelatlas tokens} counts a file.
 */
final class TokenRoutes {
    /** The largest body counted: a long book is about 2 MB; counting costs CPU, so a bound keeps one request cheap. */
    static final long LIMIT_BYTES = 4L * 1024 * 1024;
    static final String PATH = "/api/v1/tokens";

    private final Supplier<WebContext> ctx;

    TokenRoutes(Supplier<WebContext> ctx) {
        this.ctx = ctx;
    }

    void install(JavalinConfig config) {
        config.routes.post(PATH, this::count);
    }

    private void count(Context c) throws IOException {
        String encoding = Params.text(c, "encoding");
        String modelName = Params.text(c, "model");
        if (encoding != null && modelName != null) {
            throw new BadParameterException("model", "give either query parameter 'encoding' or 'model', not both");
        }
        Model model = modelName == null ? null : ModelParam.resolve(ctx.get().catalog(), modelName, "model");
        TokenCounter counter;
        if (model != null) {
            counter = TokenCounters.forModel(model.id(), model.tokenizer());
        } else {
            try {
                counter = TokenCounters.forEncoding(encoding == null ? "o200k_base" : encoding);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("encoding", "query parameter 'encoding': " + e.getMessage());
            }
        }
        byte[] body;
        try (InputStream in = LimitedInputStream.of(c, LIMIT_BYTES, TokenRoutes::tooLarge)) {
            body = in.readAllBytes();
        }
        String text = utf8(body);
        Pages.json(c, new TokenCountJson(model == null ? null : model.id(), counter.encoding(), counter.exact(), counter.basis(),
                counter.count(text), text.length(), body.length));
    }

    private static BodyTooLargeException tooLarge() {
        return new BodyTooLargeException("Body too large", "the text is larger than the limit of " + ReplayPage.megabytes(LIMIT_BYTES)
                + "; count a larger file with the command line: modelatlas tokens FILE");
    }

    /** The body as text; bytes that are not UTF-8 are a 400, not replacement characters counted as tokens. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the request body is not UTF-8 text: send the text to count as UTF-8");
        }
    }
}
