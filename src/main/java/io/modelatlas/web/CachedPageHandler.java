package io.modelatlas.web;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers GETs for pages already in the {@link PageCache} in Jetty's core handler, in front of Javalin: a map
 * lookup, pre-encoded headers and one write of precompressed bytes. Everything else, including the first request for
 * a page (which renders and caches it), goes on to Javalin. Javalin before/after handlers do not run for the pages
 * answered here; the headers they would add are the shared {@link SecurityHeaders}.
 *
 * <p>The handler declares itself non-blocking: a cached page is answered on the thread that read the request (no
 * hand-off to another thread, which on a small machine costs more than the answer), and everything else is
 * dispatched to the server's thread pool, where Javalin may block as it likes.
 */
final class CachedPageHandler extends Handler.Wrapper {
    private static final List<HttpField> FIXED = fixedFields();
    private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, CachedPage.CONTENT_TYPE);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    /** The cache of the catalog in use (replaced with it), or null while none is loaded. */
    private final Supplier<PageCache> cache;

    CachedPageHandler(Supplier<PageCache> cache) {
        this.cache = cache;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        PageCache pages = cache.get();
        CachedPage page = pages != null && HttpMethod.GET.is(request.getMethod()) && request.getHttpURI().getQuery() == null
                ? pages.get(request.getHttpURI().getPath()) : null;
        if (page == null) {
            getServer().getThreadPool().execute(() -> handleByJavalin(request, response, callback));
            return true;
        }
        HttpFields reqHeaders = request.getHeaders();
        CachedPage.Reply reply = page.replyTo(reqHeaders.get(HttpHeader.ACCEPT_ENCODING), reqHeaders.get(HttpHeader.IF_NONE_MATCH));
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField f : reply.wireHeaders()) {
            out.add(f);
        }
        response.setStatus(reply.status());
        response.write(true, reply.sendsBody() ? ByteBuffer.wrap(reply.body()) : null, callback);
        return true;
    }

    private void handleByJavalin(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    /**
     * A reply's headers. Content-Length is the selected representation's, for a 304 too: Jetty would otherwise say
     * 0, which RFC 9110 §8.6 forbids there; a 304 carries validators and caching headers, not the representation's
     * metadata (RFC 9110 §15.4.5).
     */
    static HttpField[] encode(boolean sendsBody, String etag, String contentEncoding, int length) {
        List<HttpField> fields = new ArrayList<>(FIXED);
        fields.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
        fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(length)));
        if (sendsBody) {
            fields.add(CONTENT_TYPE);
            if (contentEncoding != null) {
                fields.add(GZIP);
            }
        }
        return fields.toArray(HttpField[]::new);
    }

    private static List<HttpField> fixedFields() {
        List<HttpField> fields = new ArrayList<>();
        SecurityHeaders.ALL.forEach((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        fields.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL));
        fields.add(new PreEncodedHttpField(HttpHeader.VARY, CachedPage.VARY));
        return List.copyOf(fields);
    }
}
