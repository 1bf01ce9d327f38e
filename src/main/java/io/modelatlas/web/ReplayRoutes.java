package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.replay.BadLineException;
import io.modelatlas.replay.LogFormat;
import io.modelatlas.replay.ReplayReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /replay}: upload a request log and get the report {@code modelatlas replay} prints, with a chart; and
 * {@code POST /api/v1/replay}, the same report as JSON for a log sent as the request body. The log is read as it
 * arrives, line by line, and never stored (not in memory as a whole, not on disk: no temporary file either); past
 * {@link #limitBytes} the upload is refused with 413, at once when the declared length says so, else as soon as the
 * count passes it. The uploaded file's name is only shown (its last path segment, escaped) and picks CSV or JSONL.
 *
 * <p>No CSRF token: the computation is read-only. A form on another site can make a browser post a log of that
 * site's choosing and render the report, but it changes nothing here and, without CORS, the other site cannot read
 * the answer; the page's Content-Security-Policy ({@code form-action 'self'}) keeps our own form from posting
 * elsewhere.
 */
final class ReplayRoutes {
    /** 50 MB: a day of a busy service's usage records; larger logs belong to the command line. */
    static final long DEFAULT_LIMIT = 50L * 1024 * 1024;
    /** Room for the form's other fields and the multipart headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final Supplier<WebContext> context;
    private final Templates templates;
    private final long limitBytes;

    ReplayRoutes(Supplier<WebContext> context, Templates templates, long limitBytes) {
        this.context = context;
        this.templates = templates;
        this.limitBytes = limitBytes;
    }

    void install(JavalinConfig config) {
        config.routes.get("/replay", c -> Pages.html(c, templates.render("replay/page.jte", "page", ReplayPage.form(context.get(), limitBytes))));
        config.routes.post("/replay", this::upload);
        config.routes.post("/api/v1/replay", this::api);
        config.routes.exception(BadLineException.class, (e, c) -> ErrorMapping.respond(c, templates,
                new Problem("/problems/unreadable-log", "Unreadable log", 400, e.getMessage(), c.path(), null, null)));
    }

    private void upload(Context c) throws IOException {
        InputStream body = body(c, limitBytes + FORM_OVERHEAD);
        MultipartStream form = MultipartStream.of(c.contentType(), body);
        String models = null;
        ReplayReport report = null;
        for (MultipartStream.Part p = form.next(); p != null; p = form.next()) {
            switch (p.name()) {
                case "models" -> {
                    if (report != null) {
                        // the log is priced as it streams in, so the models must be known before it
                        throw new BadParameterException("models", "send the models field before the log file");
                    }
                    models = blankToNull(p.text());
                }
                case "log" -> {
                    if (p.filename() == null || p.filename().isBlank()) {
                        throw new BadParameterException("log", "choose a log file to upload");
                    }
                    report = ReplayReport.run(baseName(p.filename()), new LimitedInputStream(p.body(), limitBytes, () -> BodyTooLargeException.upload(limitBytes)), context.get().catalog(),
                            targets(models, models == null), false);
                }
                default -> { }
            }
        }
        if (report == null) {
            throw new BadParameterException("log", "choose a log file to upload");
        }
        c.header("Cache-Control", "no-store");
        Pages.html(c, templates.render("replay/page.jte", "page", ReplayPage.of(context.get(), limitBytes, models, report)));
    }

    private void api(Context c) throws IOException {
        String format = Params.text(c, "format");
        boolean csv = format == null ? c.contentType() != null && c.contentType().toLowerCase(Locale.ROOT).startsWith("text/csv") : format.equals("csv");
        LogFormat forced;
        try {
            // another tool's export is told from its content; format= forces one
            forced = format == null || format.equals("csv") || format.equals("jsonl") ? null : LogFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("format", "query parameter 'format' must be auto, jsonl, csv, litellm, openai-usage or openrouter, got '" + format + "'");
        }
        boolean strict = Params.flag(c, "strict");
        List<Model> targets = targets(Params.text(c, "models"), Params.flag(c, "all"));
        ReplayReport report = ReplayReport.run(csv ? "upload.csv" : "upload.jsonl", body(c, limitBytes),
                java.util.concurrent.CompletableFuture.completedFuture(context.get().catalog()), x -> targets, strict, forced);
        Pages.json(c, ReplayReportJson.from(report));
    }

    /** The request body, refused at once when its declared length is over the limit, and counted as it is read. */
    private InputStream body(Context c, long limit) throws IOException {
        // the form's own fields get a little room on top of the limit the page states
        return LimitedInputStream.of(c, limit, () -> BodyTooLargeException.upload(limitBytes));
    }

    private List<Model> targets(String models, boolean all) {
        if (all) {
            return ReplayReport.pricedChatModels(context.get().catalog());
        }
        if (models == null) {
            throw new BadParameterException("models", "name the models to price the log on (comma-separated ids), or choose every priced chat model");
        }
        return Arrays.stream(models.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().map(context.get().catalog()::require).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Longer names are cut to their end, which holds the extension; 255 is what file systems allow. */
    private static final int MAX_NAME = 255;

    /**
     * The name to show for an uploaded file: a browser sends the file's name, some old ones its whole path, and a
     * hostile client anything. Only the last segment is kept, without control or bidirectional formatting characters,
     * and it is only ever shown (escaped by the template) and read for its extension, never used as a path.
     */
    static String baseName(String filename) {
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload.jsonl";
        }
        return name.length() <= MAX_NAME ? name : "…" + name.substring(name.length() - MAX_NAME + 1);
    }
}
