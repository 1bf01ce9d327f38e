package io.modelatlas.catalog.source;

import io.modelatlas.text.Csv;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes one leaderboard's tidy CSV ({@link LeaderboardTable#HEADER}) as the bundled files are written: UTF-8, {@code \n}
 * line ends, a field quoted only when it holds a comma, a quote or a line break (RFC 4180). Scores go in as the text the
 * source published; they are checked to be numbers, never re-printed.
 */
final class TidyCsv {
    /** A column of a leaderboard: its {@code metric}, {@code unit} and {@code higher_is_better} (null: descriptive). */
    record Metric(String name, String unit, Boolean higherIsBetter) {}

    private final String repo;
    private final String ref;
    private final StringBuilder out = new StringBuilder(LeaderboardTable.HEADER).append('\n');

    /** @param repo {@code owner/name}; written as {@code github.com/owner/name} */
    TidyCsv(String repo, String ref) {
        if (ref == null || ref.isBlank() || !ref.equals(ref.strip())) {
            throw new IllegalArgumentException("the ref recorded in source_commit must be a commit or branch name, got \"" + ref + "\"");
        }
        this.repo = "github.com/" + repo;
        this.ref = ref;
    }

    void add(String name, String benchmark, Metric metric, String score, LocalDate asOf, String path, String variant) {
        String higher = metric.higherIsBetter() == null ? "" : metric.higherIsBetter().toString();
        String[] fields = {name, benchmark, metric.name(), score, metric.unit(), higher, asOf.toString(), repo, ref, path, variant};
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ",").append(Csv.quote(fields[i]));
        }
        out.append('\n');
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The score's published text, unchanged, once it is known to be a decimal number.
     *
     * @throws SourceFormatException naming the file and place when it is not
     */
    static String score(String text, String file, String place) {
        try {
            new BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            throw new SourceFormatException(file, place, "expected a number, got \"" + text + "\"");
        }
    }

    /** @throws SourceFormatException when the file was not fetched */
    static byte[] bytes(Map<String, byte[]> files, String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new SourceFormatException(path, "", "missing from the fetched files " + files.keySet());
        }
        return bytes;
    }

    /**
     * One fetched file as text; a byte-order mark is dropped.
     *
     * @throws SourceFormatException when the file was not fetched or is not UTF-8
     */
    static String text(Map<String, byte[]> files, String path) {
        byte[] bytes = bytes(files, path);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new SourceFormatException(path, "", "not UTF-8 text", e);
        }
    }
}
