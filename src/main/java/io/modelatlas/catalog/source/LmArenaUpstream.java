package io.modelatlas.catalog.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.modelatlas.catalog.source.TidyCsv.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LMArena's text leaderboard exports ({@code {category: {model: {rating, rating_q025, rating_q975}}}}), with style
 * control and without. Written: every category's style-controlled rating, the {@code full} board's 95% bounds, and
 * the {@code full} board without style control. The ratings are read with Jackson's streaming parser so each keeps
 * the text it was published with ({@code 1521.5315484193638}), never a double. The files carry no date, so every row's
 * {@code as_of} is {@code observed}; the bundled file's dates came from the repository's history (12/11 dump, and
 * gemini-3-flash added 2025-12-17, which its {@code variant} says), which a fetch of the files cannot see.
 */
final class LmArenaUpstream implements LeaderboardUpstream {
    static final String STYLE_CONTROL = "data/leaderboard-text-style-control.json";
    static final String NO_STYLE_CONTROL = "data/leaderboard-text.json";
    private static final String FULL = "full";
    private static final String UNIT = "Arena score (Elo scale)";
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String source() {
        return "lmarena-text";
    }

    @Override
    public String repo() {
        return "lmarena/arena-catalog";
    }

    @Override
    public List<String> paths() {
        return List.of(STYLE_CONTROL, NO_STYLE_CONTROL);
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        TidyCsv out = new TidyCsv(repo(), ref);
        Map<String, Map<String, Map<String, String>>> styled = read(files, STYLE_CONTROL);
        Map<String, Map<String, Map<String, String>>> plain = read(files, NO_STYLE_CONTROL);
        for (var category : styled.entrySet()) {
            write(out, category.getKey(), category.getValue(), "style control", STYLE_CONTROL, observed);
        }
        Map<String, Map<String, String>> full = plain.get(FULL);
        if (full == null) {
            throw new SourceFormatException(NO_STYLE_CONTROL, "$", "no \"" + FULL + "\" board");
        }
        write(out, FULL, full, "no style control", NO_STYLE_CONTROL, observed);
        return out.bytes();
    }

    /** A board's ratings; the {@code full} board's with their bounds. */
    private static void write(TidyCsv out, String category, Map<String, Map<String, String>> board, String control, String path, LocalDate asOf) {
        String benchmark = "LMArena Text (" + category + ")";
        List<String> fields = category.equals(FULL) ? List.of("rating", "rating_q025", "rating_q975") : List.of("rating");
        for (var model : board.entrySet()) {
            for (String field : fields) {
                String score = model.getValue().get(field);
                if (score == null) {
                    throw new SourceFormatException(path, "$." + category + "." + model.getKey(), "no " + field);
                }
                out.add(model.getKey(), benchmark, metric(field, control), score, asOf, path, "");
            }
        }
    }

    private static Metric metric(String field, String control) {
        String name = switch (field) {
            case "rating_q025" -> "rating_lower_95ci";
            case "rating_q975" -> "rating_upper_95ci";
            default -> field;
        };
        return new Metric(name + " (" + control + ")", UNIT, true);
    }

    /** category → model → field → the number's published text; other fields are skipped. */
    private static Map<String, Map<String, Map<String, String>>> read(Map<String, byte[]> files, String path) {
        byte[] bytes = TidyCsv.bytes(files, path);
        Map<String, Map<String, Map<String, String>>> boards = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, path, "$");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String category = p.currentName();
                expect(p, p.nextToken(), JsonToken.START_OBJECT, path, "$." + category);
                Map<String, Map<String, String>> board = new LinkedHashMap<>();
                boards.put(category, board);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String model = p.currentName();
                    String at = "$." + category + "." + model;
                    expect(p, p.nextToken(), JsonToken.START_OBJECT, path, at);
                    Map<String, String> values = new LinkedHashMap<>();
                    board.put(model, values);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken value = p.nextToken();
                        if (field.startsWith("rating")) {
                            if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                                throw new SourceFormatException(path, at + "." + field + place(p), "expected a number, got " + p.getText());
                            }
                            values.put(field, p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, path, "$");
            if (p.nextToken() != null) {
                throw new SourceFormatException(path, place(p).strip(), "text after the end of the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SourceFormatException(path, l == null ? "" : "line " + l.getLineNr() + " column " + l.getColumnNr(), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boards;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted, String path, String at) {
        if (got != wanted) {
            throw new SourceFormatException(path, at + place(p), "expected " + (wanted == JsonToken.START_OBJECT ? "an object" : "the end of an object")
                    + ", got " + (got == null ? "the end of the file" : got.asString() == null ? got.name() : got.asString()));
        }
    }

    private static String place(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return " (line " + l.getLineNr() + " column " + l.getColumnNr() + ")";
    }
}
