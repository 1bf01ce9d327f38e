package io.modelatlas.catalog.source;

import io.modelatlas.catalog.source.FlatYamlList.Scalar;
import io.modelatlas.catalog.source.TidyCsv.Metric;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aider's polyglot leaderboard: one YAML entry per run, five published figures each. {@code as_of} is the run's own
 * {@code date}. The run settings, the command and any YAML comment on them or on a figure go into {@code variant}, so
 * two runs of one model stay apart and Aider's notes ({@code # incorrect: 6.3174}) stay beside the figure they qualify.
 */
final class AiderUpstream implements LeaderboardUpstream {
    static final String PATH = "aider/website/_data/polyglot_leaderboard.yml";
    private static final String BENCHMARK = "Aider polyglot";
    /** Copied into {@code variant} in this order when the run has them. */
    private static final List<String> SETTINGS = List.of("edit_format", "reasoning_effort", "thinking_tokens", "editor_model",
            "editor_edit_format", "command");
    /** The headline; a run without it is not a leaderboard row. */
    private static final String HEADLINE = "pass_rate_2";
    /** The published figures in the order written; all but the headline may be missing (one run has no total_cost). */
    private static final List<String> FIGURES = List.of(HEADLINE, "pass_rate_1", "percent_cases_well_formed", "total_cost", "seconds_per_case");
    /**
     * The units name the polyglot set's 225 exercises, not a run's {@code test_cases}: a few runs count 223 or 224 (an
     * exercise that did not run) and their pass rates are still published as a share of the set.
     */
    private static final Map<String, Metric> METRICS = Map.of(
            "pass_rate_2", new Metric("pass_rate_2", "% of 225 exercises (2 attempts)", true),
            "pass_rate_1", new Metric("pass_rate_1", "% of 225 exercises (1 attempt)", true),
            "percent_cases_well_formed", new Metric("percent_cases_well_formed", "% of exercises", true),
            "total_cost", new Metric("total_cost", "USD for the whole 225-exercise run", false),
            "seconds_per_case", new Metric("seconds_per_case", "seconds per exercise (wall clock)", false));

    @Override
    public String source() {
        return "aider-polyglot";
    }

    @Override
    public String repo() {
        return "Aider-AI/aider";
    }

    @Override
    public List<String> paths() {
        return List.of(PATH);
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        TidyCsv out = new TidyCsv(repo(), ref);
        for (Map<String, Scalar> run : FlatYamlList.read(TidyCsv.text(files, PATH), PATH)) {
            String name = required(run, "model");
            LocalDate date = date(run);
            String variant = variant(run);
            required(run, HEADLINE); // a run without the headline is not a leaderboard row
            for (String figure : FIGURES) {
                Scalar value = run.get(figure);
                if (value != null) {
                    String score = TidyCsv.score(value.text(), PATH, "line " + value.line() + " key " + figure);
                    out.add(name, BENCHMARK, METRICS.get(figure), score, date, PATH, variant);
                }
            }
        }
        return out.bytes();
    }

    /** {@code edit_format=…; …; command=…; yaml_comment_on_<key>=…; run_id=<dirname>}. */
    private static String variant(Map<String, Scalar> run) {
        List<String> parts = new ArrayList<>();
        required(run, "edit_format");
        required(run, "command");
        for (String key : SETTINGS) {
            if (run.containsKey(key)) {
                parts.add(key + "=" + run.get(key).text());
            }
        }
        List<String> commented = new ArrayList<>(SETTINGS);
        commented.addAll(FIGURES);
        for (String key : commented) {
            Scalar value = run.get(key);
            if (value != null && !value.comment().isEmpty()) {
                parts.add("yaml_comment_on_" + key + "=" + value.comment());
            }
        }
        parts.add("run_id=" + required(run, "dirname"));
        return String.join("; ", parts);
    }

    private static LocalDate date(Map<String, Scalar> run) {
        String text = required(run, "date");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new SourceFormatException(PATH, "line " + run.get("date").line() + " key date", "expected a date YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    private static String required(Map<String, Scalar> run, String key) {
        Scalar value = run.get(key);
        if (value == null || value.text().isBlank()) {
            int line = run.values().stream().mapToInt(Scalar::line).min().orElse(0);
            throw new SourceFormatException(PATH, "the entry at line " + line + (run.containsKey("dirname") ? " (" + run.get("dirname").text() + ")" : ""),
                    "no " + key);
        }
        return value.text();
    }
}
