package io.modelatlas.catalog.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelatlas.catalog.source.TidyCsv.Metric;
import io.modelatlas.text.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LiveBench's per-release tables ({@code public/table_<release>.csv}: a model per row, a task per column) with the
 * release's {@code categories_<release>.json} (category → tasks), as the livebench.ai site loads them. Only the ten
 * releases known here are read: a new release is not discovered, it has to be added to {@link #RELEASES}.
 * <p>
 * {@code as_of} is {@code observed} on every row. The bundled file's as_of is the day each row last changed (git blame),
 * which a fetch of the files cannot know. A row whose value count differs from the header's task count cannot be
 * matched to tasks and is left out (upstream's {@code nemotron-3-super-120b-a12b} in 2026-01-08 has 20 values for 23
 * tasks), as is an empty cell (no score published); a table none of whose rows can be read is refused.
 */
final class LiveBenchUpstream implements LeaderboardUpstream {
    static final List<String> RELEASES = List.of("2024_06_24", "2024_07_26", "2024_08_31", "2024_11_25", "2025_04_02", "2025_04_25",
            "2025_05_30", "2025_11_25", "2025_12_23", "2026_01_08");
    private static final Metric SCORE = new Metric("score", "score (0-100)", true);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> releases;

    LiveBenchUpstream() {
        this(RELEASES);
    }

    /** Reads only these releases ({@code 2026_01_08} as in the file names); for tests with a few releases' files. */
    LiveBenchUpstream(List<String> releases) {
        this.releases = List.copyOf(releases);
    }

    static String table(String release) {
        return "public/table_" + release + ".csv";
    }

    static String categories(String release) {
        return "public/categories_" + release + ".json";
    }

    @Override
    public String source() {
        return "livebench";
    }

    @Override
    public String repo() {
        return "LiveBench/livebench.github.io";
    }

    @Override
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (String release : releases) {
            paths.add(table(release));
            paths.add(categories(release));
        }
        return paths;
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        TidyCsv out = new TidyCsv(repo(), ref);
        for (String release : releases) {
            Map<String, String> categoryOf = categoryOf(files, categories(release));
            writeTable(out, files, release, categoryOf, observed);
        }
        return out.bytes();
    }

    private static void writeTable(TidyCsv out, Map<String, byte[]> files, String release, Map<String, String> categoryOf, LocalDate asOf) {
        String path = table(release);
        String[] lines = TidyCsv.text(files, path).split("\r?\n");
        List<String> header = split(lines[0], path, 1);
        if (header.size() < 2 || !header.get(0).equals("model")) {
            throw new SourceFormatException(path, "line 1", "expected the header model,<task>,..., got " + lines[0]);
        }
        List<String> benchmarks = new ArrayList<>();
        for (String task : header.subList(1, header.size())) {
            String category = categoryOf.get(task);
            if (category == null) {
                throw new SourceFormatException(path, "line 1 column " + task, "the task is in no category of " + categories(release));
            }
            benchmarks.add("LiveBench " + release.replace('_', '-') + " / " + category + " / " + task);
        }
        int read = 0;
        for (int i = 1; i < lines.length; i++) {
            List<String> fields = split(lines[i], path, i + 1);
            if (lines[i].isBlank() || fields.size() != header.size()) {
                continue; // values that cannot be matched to tasks (see the class comment)
            }
            read++;
            String name = fields.get(0).strip();
            if (name.isEmpty()) {
                throw new SourceFormatException(path, "line " + (i + 1) + " column model", "empty");
            }
            for (int c = 1; c < fields.size(); c++) {
                String value = fields.get(c).strip();
                if (!value.isEmpty()) {
                    String score = TidyCsv.score(value, path, "line " + (i + 1) + " column " + header.get(c));
                    out.add(name, benchmarks.get(c - 1), SCORE, score, asOf, path, "");
                }
            }
        }
        if (read == 0) {
            throw new SourceFormatException(path, "", "no row has one value per task of the header (" + (header.size() - 1) + ")");
        }
    }

    /** task → category, from {@code {"Reasoning": ["zebra_puzzle", ...], ...}}. */
    private static Map<String, String> categoryOf(Map<String, byte[]> files, String path) {
        JsonNode root;
        try {
            root = JSON.readTree(TidyCsv.text(files, path));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SourceFormatException(path, l == null ? "" : "line " + l.getLineNr() + " column " + l.getColumnNr(), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(path, "$", "expected an object of category → task names");
        }
        Map<String, String> categoryOf = new HashMap<>();
        for (Map.Entry<String, JsonNode> category : root.properties()) {
            JsonNode tasks = category.getValue();
            if (!tasks.isArray()) {
                throw new SourceFormatException(path, "$." + category.getKey(), "expected a list of task names");
            }
            for (int i = 0; i < tasks.size(); i++) {
                if (!tasks.get(i).isTextual()) {
                    throw new SourceFormatException(path, "$." + category.getKey() + "[" + i + "]", "expected a task name");
                }
                categoryOf.put(tasks.get(i).asText(), category.getKey());
            }
        }
        return categoryOf;
    }

    private static List<String> split(String line, String path, int lineNo) {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw new SourceFormatException(path, "line " + lineNo, e.getMessage());
        }
    }
}
