package io.modelatlas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The text of the article {@code check} reads: a file, standard input ({@code -}) or, on the command line only, a URL
 * (the web server never fetches a URL a visitor typed). Anything unreadable is a {@link UsageException}: exit code 2.
 */
final class ArticleInput {
    /** Larger than any article; a bigger input is a mistake (a binary, a log), not something to check. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private ArticleInput() {}

    static String read(String input, InputStream stdin) {
        if (input.equals("-")) {
            try {
                return decode(stdin.readNBytes(MAX_BYTES + 1), "standard input");
            } catch (IOException e) {
                throw new UsageException("cannot read standard input: " + e.getMessage());
            }
        }
        if (input.startsWith("http://") || input.startsWith("https://")) {
            return fetch(input);
        }
        Path file = Path.of(input);
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException("check reads a file, and " + input + " is a directory");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(input + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB: not an article");
            }
            return decode(Files.readAllBytes(file), input);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + input);
        } catch (IOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage());
        }
    }

    private static String fetch(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new UsageException("cannot read " + url + ": HTTP " + response.statusCode());
            }
            return decode(response.body(), url);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while reading " + url);
        }
    }

    /** Strict UTF-8: a binary file is refused with its name rather than checked as garbage. */
    private static String decode(byte[] bytes, String name) {
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(name + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB: not an article");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(name + " is not UTF-8 text");
        }
    }
}
