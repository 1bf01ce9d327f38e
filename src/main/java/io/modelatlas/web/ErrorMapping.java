package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.LimitExceededException;
import io.modelatlas.catalog.UnknownBenchmarkException;
import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.catalog.source.SourceFormatException;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.refresh.ConcurrentChangeException;
import io.modelatlas.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: RFC 9457 {@code application/problem+json} under
 * {@code /api/}, an HTML error page elsewhere. Unexpected failures are logged and answered without a stack trace.
 */
final class ErrorMapping {
    /** How much of a refused body is read and dropped so that the client gets to read the 413 (see drainStreamedBody). */
    private static final long DRAIN_LIMIT = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void install(JavalinConfig config, Templates templates) {
        config.routes.exception(UnknownModelException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/unknown-model", "Unknown model", 404, e.getMessage(), ctx.path(), null, e.suggestions())));
        config.routes.exception(UnknownModelParameterException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/unknown-model", "Unknown model", 404, e.getMessage(), ctx.path(), e.parameter(), e.suggestions())));
        config.routes.exception(UnknownBenchmarkException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/unknown-benchmark", "Unknown benchmark", 404, e.getMessage(), ctx.path(), "id", e.suggestions())));
        config.routes.exception(io.modelatlas.eval.UnknownRunException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/unknown-run", "Unknown eval run", 404, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(BadParameterException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/bad-parameter", "Bad parameter", 400, e.getMessage(), ctx.path(), e.parameter(), null)));
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/bad-request", "Bad request", 400, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(PriceUnknownException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/price-unknown", "Price unknown", 422, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(LimitExceededException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/limit-exceeded", "Request exceeds the model's limits", 422, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(SourceFormatException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/invalid-data", "Invalid data", 400, e.getMessage(), ctx.path(), e.location(), null)));
        config.routes.exception(UnauthorizedException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/unauthorized", "Unauthorized", 401, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(BodyTooLargeException.class, (e, ctx) -> {
            drainStreamedBody(ctx);
            ctx.header("Connection", "close");
            respond(ctx, templates, new Problem("/problems/too-large", e.title(), 413, e.getMessage(), ctx.path(), null, null));
        });
        config.routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            respond(ctx, templates, new Problem("/problems/rate-limited", "Too many requests", 429, e.getMessage(), ctx.path(), null, null));
        });
        config.routes.exception(ConcurrentChangeException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/conflict", "Conflict", 409, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("store unavailable for {}: {}", ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            respond(ctx, templates, new Problem("/problems/store-unavailable", "Store unavailable", 503,
                    "the catalog store cannot be reached just now; the request changed nothing", ctx.path(), null, null));
        });
        config.routes.exception(NoSuchBundledFileException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/not-found", "Not found", 404, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(StoreUnavailableException.class, (e, ctx) -> respond(ctx, templates,
                new Problem("/problems/no-store", "Not available", 404, e.getMessage(), ctx.path(), null, null)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.path(), e);
            respond(ctx, templates, new Problem("/problems/internal", "Internal error", 500, "the server could not answer this request", ctx.path(), null, null));
        });
        config.routes.error(405, ctx -> respond(ctx, templates, new Problem("/problems/method-not-allowed", "Method not allowed", 405,
                ctx.method() + " is not allowed on " + ctx.path() + (ctx.res().getHeader("Allow") == null ? "" : "; allowed: " + ctx.res().getHeader("Allow")),
                ctx.path(), null, null)));
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, templates, new Problem("/problems/not-found", "Not found", 404, "no page at " + ctx.path(), ctx.path(), null, null));
            }
        });
    }

    /**
     * Reads and drops what is left of a body refused mid-way, up to {@link #DRAIN_LIMIT}, before the 413 is sent. A
     * server that answers and closes while the client is still sending resets the connection, and the client may then
     * lose the answer ("no bytes received") instead of reading why. A body declared larger than that is not waited for.
     */
    private static void drainStreamedBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAIN_LIMIT) {
            return; // refused on its declared length alone: not worth waiting for
        }
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the stream is unusable: the answer is sent (or not) all the same
        }
    }

    static void respond(Context ctx, Templates templates, Problem p) {
        ctx.status(HttpStatus.forStatus(p.status()));
        // a bundled file's asker is a script or style tag, not a reader: a problem document, not the HTML error page
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")) {
            ctx.contentType("application/problem+json").result(Json.write(p));
        } else {
            Meta meta = new Meta(p.title() + " | ModelAtlas", p.detail(), ctx.fullUrl(), null);
            ctx.contentType(CachedPage.CONTENT_TYPE).result(templates.render("error/page.jte", Map.of("meta", meta, "problem", p)));
        }
    }

}
