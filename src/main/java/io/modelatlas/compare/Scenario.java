package io.modelatlas.compare;

import io.modelatlas.pricing.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A named request shape (tokens in, cached, out) priced on every model of a comparison. The standard set lives in
 * {@code scenarios.tsv} beside this class, so adding a shape needs no code change.
 */
public record Scenario(String id, String name, String description, long inputTokens, long cachedInputTokens, long outputTokens) {
    public Scenario {
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("scenario " + id + ": cached input tokens exceed input tokens");
        }
    }

    public Usage usage() {
        return Usage.of(inputTokens, cachedInputTokens, outputTokens);
    }

    public static List<Scenario> standard() {
        try (InputStream in = Scenario.class.getResourceAsStream("scenarios.tsv")) {
            if (in == null) {
                throw new IllegalStateException("scenarios.tsv is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scenario> parse(BufferedReader reader) throws IOException {
        List<Scenario> result = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 6) {
                throw new IllegalArgumentException("scenarios.tsv line " + lineNo + ": expected 6 tab-separated fields, got " + f.length);
            }
            try {
                result.add(new Scenario(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scenarios.tsv line " + lineNo + ": token counts must be whole numbers", e);
            }
        }
        return List.copyOf(result);
    }
}
