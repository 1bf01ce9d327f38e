package io.modelatlas.web;

import java.nio.ByteBuffer;
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
 * lookup, a few pre-encoded headers and one write of precompressed bytes. Everything else, including the first
 * request for a page (which renders and caches it), goes on to Javalin. Javalin before/after handlers do not run for
 * the pages answered here; the headers they would add are the shared {@link SecurityHeaders}.
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
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        PageCache pages = cache.get();
        CachedPage page = pages != null && HttpMethod.GET.is(request.getMethod()) && request.getHttpURI().getQuery() == null
                ? pages.get(request.getHttpURI().getPath()) : null;
        if (page == null) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        CachedPage.Reply reply = page.replyTo(headers.get(HttpHeader.ACCEPT_ENCODING), headers.get(HttpHeader.IF_NONE_MATCH));
        HttpFields.Mutable out = response.getHeaders();
        FIXED.forEach(out::add);
        out.add(HttpHeader.ETAG, reply.etag());
        // Content-Length is the selected representation's, for a 304 too: Jetty would otherwise say 0, which
        // RFC 9110 §8.6 forbids there
        out.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.setStatus(reply.status());
        if (!reply.sendsBody()) {
            // a 304 carries validators and caching headers, not the representation's metadata (RFC 9110 §15.4.5)
            response.write(true, null, callback);
            return true;
        }
        out.add(CONTENT_TYPE);
        if (reply.contentEncoding() != null) {
            out.add(GZIP);
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private static List<HttpField> fixedFields() {
        List<HttpField> fields = new java.util.ArrayList<>();
        SecurityHeaders.ALL.forEach((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        fields.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL));
        fields.add(new PreEncodedHttpField(HttpHeader.VARY, CachedPage.VARY));
        return List.copyOf(fields);
    }
}
