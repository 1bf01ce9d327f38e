package io.modelatlas.catalog.source;

import io.modelatlas.catalog.source.TidyCsv.Metric;
import io.modelatlas.text.Csv;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Epoch AI's own benchmark runs ({@code data/benchmarks_runs.csv} of benchmark-stitching): one row per run, its best
 * score across scorers as written ({@code 0.850}). {@code as_of} is the day in {@code started_at} ("17 November 2025
 * 4:28pm"). A few runs (manual evaluations, two grok-4 runs) publish no start: they take {@code observed}, the day the
 * file was read, and their {@code variant} says so. (The bundled file gave them the file's commit date, 2025-11-21, from
 * git history, which a fetch cannot know, and says that instead.) Runs whose {@code Status} is not {@code Success} are not scores and are left out.
 */
final class EpochUpstream implements LeaderboardUpstream {
    static final String PATH = "data/benchmarks_runs.csv";
    static final String UNDATED = "as_of=day the file was read (run date not published)";
    /** The bundled file's marking of the same runs, dated from git history. */
    static final String UNDATED_BUNDLED = "as_of=file commit date (run date not published)";
    private static final Metric BEST = new Metric("Best score (across scorers)", "fraction correct (0-1)", true);
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final List<String> COLUMNS = List.of("id", "task", "model", BEST.name(), "started_at", "Status", "Manual evaluation",
            "task version");

    @Override
    public String source() {
        return "epoch-benchmarks";
    }

    @Override
    public String repo() {
        return "epoch-research/benchmark-stitching";
    }

    @Override
    public List<String> paths() {
        return List.of(PATH);
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        String[] lines = TidyCsv.text(files, PATH).split("\r?\n");
        List<String> header = split(lines[0], 1);
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            at[c] = header.indexOf(COLUMNS.get(c));
            if (at[c] < 0) {
                throw new SourceFormatException(PATH, "line 1", "no column \"" + COLUMNS.get(c) + "\" in the header");
            }
        }
        TidyCsv out = new TidyCsv(repo(), ref);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = split(lines[i], i + 1);
            if (fields.size() != header.size()) {
                throw new SourceFormatException(PATH, "line " + (i + 1), "expected " + header.size() + " fields, got " + fields.size());
            }
            Run run = new Run(fields, at, i + 1);
            if (!run.value("Status").equals("Success")) {
                continue;
            }
            String started = run.value("started_at");
            LocalDate asOf = started.isEmpty() ? observed : run.date(started);
            String score = TidyCsv.score(run.required(BEST.name()), PATH, run.place(BEST.name()));
            out.add(run.required("model"), "Epoch AI: " + run.required("task"), BEST, score, asOf, PATH, variant(run, started.isEmpty()));
        }
        return out.bytes();
    }

    /** {@code run_id=…; task_version=…}, then {@code manual_evaluation=…} and the undated marking where they apply. */
    private static String variant(Run run, boolean undated) {
        List<String> parts = new ArrayList<>(List.of("run_id=" + run.required("id")));
        if (!run.value("task version").isEmpty()) {
            parts.add("task_version=" + run.value("task version"));
        }
        if (!run.value("Manual evaluation").isEmpty()) {
            parts.add("manual_evaluation=" + run.value("Manual evaluation"));
        }
        if (undated) {
            parts.add(UNDATED);
        }
        return String.join("; ", parts);
    }

    private static List<String> split(String line, int lineNo) {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw new SourceFormatException(PATH, "line " + lineNo, e.getMessage());
        }
    }

    /** One line of the file, read by column name. */
    private record Run(List<String> fields, int[] at, int lineNo) {
        String value(String column) {
            return fields.get(at[COLUMNS.indexOf(column)]).strip();
        }

        String required(String column) {
            String v = value(column);
            if (v.isEmpty()) {
                throw new SourceFormatException(PATH, place(column), "empty");
            }
            return v;
        }

        String place(String column) {
            return "line " + lineNo + " column " + column;
        }

        LocalDate date(String started) {
            String[] words = started.split(" ");
            try {
                return LocalDate.parse(words.length < 3 ? started : words[0] + " " + words[1] + " " + words[2], STARTED);
            } catch (DateTimeParseException e) {
                throw new SourceFormatException(PATH, place("started_at"), "expected a date like \"17 November 2025 4:28pm\", got \"" + started + "\"");
            }
        }
    }
}
