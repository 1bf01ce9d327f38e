package io.modelatlas.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches upstream files over HTTP(S) with the JDK client: conditional requests, timeouts, a size limit, and a few
 * tries with a growing wait between them. Never throws for what the network or the upstream does; every outcome is a
 * {@link FetchOutcome}.
 */
public final class HttpFetcher {
    /** Waits between tries; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final FetchSettings settings;
    private final Sleeper sleeper;
    private HttpClient client; // made on first fetch: commands that fetch nothing never start the client's threads

    public HttpFetcher(FetchSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            // NORMAL follows redirects (raw.githubusercontent and mirrors use them) but never from HTTPS down to HTTP
            client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }

    /**
     * Fetches {@code url}, sending {@code known}'s validators so that an unchanged file comes back as
     * {@link FetchOutcome.Unchanged}.
     */
    public FetchOutcome fetch(URI url, Validators known) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            return new FetchOutcome.Failed(url, "only http and https URLs can be fetched, got '" + url + "'");
        }
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                try {
                    sleeper.sleep(settings.firstBackoff().multipliedBy(1L << (attempt - 2)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new FetchOutcome.Failed(url, "interrupted after " + lastProblem);
                }
            }
            Attempt a = once(url, known);
            if (a.outcome() != null) {
                return a.outcome();
            }
            lastProblem = a.retryableProblem();
        }
        return new FetchOutcome.Failed(url, lastProblem + " (" + settings.attempts() + (settings.attempts() == 1 ? " try)" : " tries)"));
    }

    /** One try: a final outcome, or a problem worth another try. */
    private record Attempt(FetchOutcome outcome, String retryableProblem) {}

    private Attempt once(URI url, Validators known) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent()).header("Accept", "application/json");
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "no answer from " + url + " within " + seconds(settings.readTimeout()));
        } catch (IOException e) {
            return new Attempt(null, "cannot reach " + url + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(new FetchOutcome.Failed(url, "interrupted"), null);
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 304) {
                return new Attempt(new FetchOutcome.Unchanged(url), null);
            }
            if (status == 429 || status >= 500) {
                return new Attempt(null, "HTTP " + status + " from " + url);
            }
            if (status != 200) {
                return new Attempt(new FetchOutcome.Failed(url, "HTTP " + status + " from " + url), null);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxBytes()) {
                return new Attempt(new FetchOutcome.Failed(url, tooLarge(url, declared + " bytes")), null);
            }
            byte[] bytes = readBounded(body);
            if (bytes == null) {
                return new Attempt(new FetchOutcome.Failed(url, tooLarge(url, "more than " + settings.maxBytes() + " bytes")), null);
            }
            Validators v = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new Attempt(new FetchOutcome.Fetched(url, bytes, v), null);
        } catch (TimeoutException e) {
            return new Attempt(null, "the body of " + url + " did not arrive within " + seconds(settings.readTimeout()));
        } catch (IOException e) {
            return new Attempt(null, "reading " + url + " failed: " + describe(e));
        }
    }

    private String tooLarge(URI url, String size) {
        return url + " is " + size + "; the limit is " + settings.maxBytes() + " bytes";
    }

    /**
     * Reads the body within the read timeout (the client's own timeout ends when the headers arrive); null when it is
     * larger than the limit. Closing the stream on timeout unblocks the reading thread.
     */
    private byte[] readBounded(InputStream body) throws IOException, TimeoutException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > settings.maxBytes()) {
                        return null;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return read.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.close();
            read.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }
}
