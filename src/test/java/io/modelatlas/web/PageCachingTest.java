package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model and comparison pages over HTTP: the first request renders through Javalin, later ones are answered by
 * {@link CachedPageHandler}. Both must give the same bytes and headers, gzip when asked, and 304 for a current ETag.
 */
class PageCachingTest {
    private static final String PAGE = "/compare/gpt-4.1-vs-gpt-4.1-mini";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Javalin app;

    @BeforeEach
    void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        app = WebApp.create(WebContext.of(catalog, clock, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** Every header but Date, which changes each second. */
    private static Map<String, List<String>> headersWithoutDate(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }

    private static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_cached_answer_has_the_same_bytes_and_headers_as_the_first_rendered_one() throws Exception {
        for (String encoding : List.of("identity", "gzip")) {
            stop();
            start();
            HttpResponse<byte[]> first = get(PAGE, "Accept-Encoding", encoding);
            HttpResponse<byte[]> cached = get(PAGE, "Accept-Encoding", encoding);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(cached.body()).as(encoding).isEqualTo(first.body());
            assertThat(headersWithoutDate(cached)).as(encoding).isEqualTo(headersWithoutDate(first));
        }
    }

    @Test
    void cached_pages_carry_validators_caching_and_security_headers() throws Exception {
        get(PAGE);
        HttpResponse<byte[]> r = get(PAGE);

        assertThat(header(r, "ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(header(r, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(r, "Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(header(r, "Content-Encoding")).isNull();
        assertThat(header(r, "Content-Length")).isEqualTo(Integer.toString(r.body().length));
        SecurityHeaders.ALL.forEach((name, value) -> assertThat(header(r, name)).as(name).isEqualTo(value));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<!doctype html>", "<h1>GPT-4.1 vs GPT-4.1 Mini</h1>");
    }

    @Test
    void gzip_is_served_when_accepted_and_decompresses_to_the_same_page() throws Exception {
        String plain = new String(get(PAGE).body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> gz = get(PAGE, "Accept-Encoding", "br, gzip;q=0.8, deflate");

        assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gz, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(gz.body().length).isLessThan(plain.length() / 3);
        assertThat(gunzip(gz.body())).isEqualTo(plain);
        // a strong validator names exact bytes: the gzip body has its own
        assertThat(header(gz, "ETag")).isEqualTo(header(get(PAGE), "ETag").replaceAll("\"$", "-gzip\""));
    }

    @Test
    void gzip_refused_or_not_offered_gives_the_plain_page() throws Exception {
        byte[] plain = get(PAGE).body();
        for (String acceptEncoding : List.of("identity", "gzip;q=0", "gzip;q=0, *", "br", "deflate;q=1")) {
            HttpResponse<byte[]> r = get(PAGE, "Accept-Encoding", acceptEncoding);
            assertThat(header(r, "Content-Encoding")).as(acceptEncoding).isNull();
            assertThat(r.body()).as(acceptEncoding).isEqualTo(plain);
        }
    }

    @Test
    void a_current_etag_gets_304_without_a_body_and_a_stale_one_gets_the_page() throws Exception {
        String etag = header(get(PAGE), "ETag");
        // a restarted server derives the same ETag from the same bytes; its first answer renders through Javalin,
        // the second comes from the cache: both are 304
        stop();
        start();
        for (String path : List.of("rendered", "cached")) {
            HttpResponse<byte[]> notModified = get(PAGE, "If-None-Match", etag);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).as(path).isEmpty();
            assertThat(header(notModified, "ETag")).as(path).isEqualTo(etag);
            assertThat(header(notModified, "Vary")).as(path).isEqualTo("Accept-Encoding");
            assertThat(header(notModified, "Cache-Control")).as(path).isEqualTo("public, max-age=300");
            assertThat(header(notModified, "Content-Type")).as(path).isNull();
        }
        HttpResponse<byte[]> stale = get(PAGE, "If-None-Match", "\"not-this-one\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(header(stale, "ETag")).isEqualTo(etag);
        assertThat(stale.body()).isEqualTo(get(PAGE).body());
    }

    @Test
    void if_none_match_uses_the_weak_comparison_and_lists() throws Exception {
        String etag = header(get(PAGE), "ETag");
        String gzipTag = header(get(PAGE, "Accept-Encoding", "gzip"), "ETag");

        assertThat(get(PAGE, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get(PAGE, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(get(PAGE, "If-None-Match", "*").statusCode()).isEqualTo(304);
        // the tag a cache stored for the gzip body still names this page
        HttpResponse<byte[]> r = get(PAGE, "If-None-Match", gzipTag, "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(header(r, "ETag")).isEqualTo(gzipTag);
    }

    @Test
    void requests_with_a_query_or_another_path_still_go_through_the_routes() throws Exception {
        get(PAGE);
        assertThat(get("/compare?models=gpt-4.1,gpt-4.1-mini").statusCode()).isEqualTo(301);
        assertThat(get("/compare/gpt-4.1-mini-vs-gpt-4.1").statusCode()).isEqualTo(301);
        HttpResponse<byte[]> withQuery = get(PAGE + "?utm_source=x");
        assertThat(withQuery.statusCode()).isEqualTo(301);
        assertThat(header(withQuery, "Location")).isEqualTo(PAGE);
    }
}
