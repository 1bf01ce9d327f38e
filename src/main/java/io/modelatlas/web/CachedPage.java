package io.modelatlas.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A page rendered once and served many times: its UTF-8 bytes, the same bytes gzip-compressed (once, at the best
 * level, instead of on every request), and strong ETags derived from the bytes, so they survive restarts and agree
 * between instances. The gzip representation has its own ETag ({@code "<hash>-gzip"}): a strong validator names
 * exact bytes, and the two encodings are different bytes. Every possible answer is built up front, so choosing one
 * per request allocates nothing.
 */
final class CachedPage {
    /** Written the way Jetty's servlet layer normalises it, so both paths send the same header. */
    static final String CONTENT_TYPE = "text/html;charset=utf-8";
    /**
     * Pages change only when the catalog does; five minutes of staleness is acceptable for prices, and the ETag
     * makes revalidation after that a cheap 304.
     */
    static final String CACHE_CONTROL = "public, max-age=300";
    static final String VARY = "Accept-Encoding";

    /**
     * What to send: status, validator, content coding ({@code null} for identity) and the selected representation's
     * bytes, which a 304 does not send but whose length it may state (RFC 9110 §8.6).
     */
    record Reply(int status, String etag, String contentEncoding, byte[] body, org.eclipse.jetty.http.HttpField[] wireHeaders) {
        Reply(int status, String etag, String contentEncoding, byte[] body) {
            this(status, etag, contentEncoding, body, CachedPageHandler.encode(status == 200, etag, contentEncoding, body.length));
        }

        boolean sendsBody() {
            return status == 200;
        }
    }

    private final String tag;
    private final Reply plain;
    private final Reply gzip;
    private final Reply plainNotModified;
    private final Reply gzipNotModified;

    private CachedPage(String tag, byte[] body, byte[] gzipped) {
        this.tag = tag;
        String plainTag = "\"" + tag + "\"";
        String gzipTag = "\"" + tag + "-gzip\"";
        this.plain = new Reply(200, plainTag, null, body);
        this.gzip = new Reply(200, gzipTag, "gzip", gzipped);
        this.plainNotModified = new Reply(304, plainTag, null, body);
        this.gzipNotModified = new Reply(304, gzipTag, "gzip", gzipped);
    }

    static CachedPage of(byte[] body) {
        return new CachedPage(hash(body), body, gzip(body));
    }

    byte[] body() {
        return plain.body();
    }

    /**
     * The answer to a GET with these request headers (either may be null). A 304 keeps the ETag and content coding
     * the 200 would have had, as RFC 9110 §15.4.5 asks.
     */
    Reply replyTo(String acceptEncoding, String ifNoneMatch) {
        boolean gz = AcceptEncoding.allowsGzip(acceptEncoding);
        if (ifNoneMatch != null && matches(ifNoneMatch)) {
            return gz ? gzipNotModified : plainNotModified;
        }
        return gz ? gzip : plain;
    }

    /** Answers through Javalin (the request that rendered the page); CachedPageHandler sends the same headers. */
    void respond(Context c) {
        Reply r = replyTo(c.header("Accept-Encoding"), c.header("If-None-Match"));
        c.header("Cache-Control", CachedPage.CACHE_CONTROL).header("Vary", CachedPage.VARY).header("ETag", r.etag());
        if (!r.sendsBody()) {
            c.status(HttpStatus.NOT_MODIFIED).header("Content-Length", Integer.toString(r.body().length));
            c.res().setContentType(null); // Javalin's default type; a 304 describes no representation of its own
            return;
        }
        if (r.contentEncoding() != null) {
            // set before the body so that Javalin's own compression leaves it alone
            c.header("Content-Encoding", r.contentEncoding());
        }
        c.contentType(CachedPage.CONTENT_TYPE).header("Content-Length", Integer.toString(r.body().length)).result(r.body());
    }

    /**
     * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): {@code W/} is ignored, and a tag of either encoding
     * matches, since both name the same page.
     */
    private boolean matches(String ifNoneMatch) {
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
                String opaque = t.substring(1, t.length() - 1);
                if (opaque.equals(tag) || opaque.equals(tag + "-gzip")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** First 128 bits of SHA-256, base64url: unique enough for one site's pages, short on the wire. */
    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip failed", e);
        }
        return out.toByteArray();
    }
}
