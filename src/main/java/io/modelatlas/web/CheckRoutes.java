package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.CheckJson;
import io.modelatlas.api.Json;
import io.modelatlas.check.ArticleChecker;
import io.modelatlas.check.CheckReport;
import io.modelatlas.check.ModelHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * {@code /check}: paste an article (or upload a saved page) and see each figure checked against the catalog; and
 * {@code POST /api/v1/check}, the same report as JSON for a text, markdown or HTML body. The server never fetches a
 * URL a visitor typed (only the command line reads URLs). Nothing is stored; like the replay page, the computation is
 * read-only, so the form needs no CSRF token.
 */
final class CheckRoutes {
    /** 1 MB: a long article is 50 KB of text, a saved page with its markup a few hundred. */
    static final long LIMIT_BYTES = 1024 * 1024;
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final Supplier<WebContext> context;
    private final Templates templates;
    private final ModelHistory history;

    CheckRoutes(Supplier<WebContext> context, Templates templates) {
        this(context, templates, ModelHistory.none());
    }

    /** @param history the store's price history, for articles checked as of their date ({@code as_of}) */
    CheckRoutes(Supplier<WebContext> context, Templates templates, ModelHistory history) {
        this.context = context;
        this.templates = templates;
        // a store that does not answer costs the check its history (claims stay unchecked), not the whole check
        this.history = id -> {
            try {
                return history.of(id);
            } catch (RuntimeException e) {
                return java.util.List.of();
            }
        };
    }

    void install(JavalinConfig config) {
        config.routes.get("/check", c -> Pages.html(c, templates.render("check/page.jte", "page", CheckPage.form(context.get(), LIMIT_BYTES))));
        config.routes.post("/check", this::form);
        config.routes.post("/api/v1/check", this::api);
    }

    private void form(Context c) throws IOException {
        MultipartStream form = MultipartStream.of(c.contentType(), LimitedInputStream.of(c, LIMIT_BYTES + FORM_OVERHEAD, CheckRoutes::tooLarge));
        String text = null;
        String name = "pasted text";
        String asOf = null;
        for (MultipartStream.Part p = form.next(); p != null; p = form.next()) {
            switch (p.name()) {
                case "text" -> {
                    String t = read(p.body(), "text");
                    if (!t.isBlank() && text == null) {
                        text = t;
                    }
                }
                case "file" -> {
                    if (p.filename() != null && !p.filename().isBlank()) {
                        text = read(p.body(), "file");
                        name = ReplayRoutes.baseName(p.filename());
                    }
                }
                case "as_of" -> asOf = p.text().strip();
                default -> { }
            }
        }
        if (text == null || text.isBlank()) {
            throw new BadParameterException("text", "paste the article's text or choose a saved page to check");
        }
        CheckReport report = new ArticleChecker(context.get().catalog(), history).check(name, text, asOf(asOf));
        c.header("Cache-Control", "no-store");
        Pages.html(c, templates.render("check/page.jte", "page", CheckPage.of(context.get(), LIMIT_BYTES, text, asOf, report)));
    }

    private void api(Context c) throws IOException {
        String text = read(LimitedInputStream.of(c, LIMIT_BYTES, CheckRoutes::tooLarge), "body");
        if (text.isBlank()) {
            throw new BadParameterException("body", "send the article's text, markdown or HTML as the request body");
        }
        String name = Params.text(c, "name");
        CheckReport report = new ArticleChecker(context.get().catalog(), history).check(name == null ? "body" : name, text, asOf(Params.text(c, "as_of")));
        c.contentType("application/json").result(Json.write(CheckJson.from(report)));
    }

    private static LocalDate asOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException("as_of", "as_of must be a date like 2024-09-30, got '" + text.strip() + "'");
        }
    }

    /** Strict UTF-8, so that a binary upload is refused by name rather than checked as noise. */
    private static String read(InputStream in, String parameter) throws IOException {
        byte[] bytes = new LimitedInputStream(in, LIMIT_BYTES, CheckRoutes::tooLarge).readAllBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadParameterException(parameter, "the " + parameter + " is not UTF-8 text");
        }
    }

    private static BodyTooLargeException tooLarge() {
        return new BodyTooLargeException("Article too large", "the article is larger than the limit of " + ReplayPage.megabytes(LIMIT_BYTES)
                + "; check a larger file with the command line: modelatlas check FILE");
    }
}
