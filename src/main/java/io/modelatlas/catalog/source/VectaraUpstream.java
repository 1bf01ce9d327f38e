package io.modelatlas.catalog.source;

import io.modelatlas.catalog.source.TidyCsv.Metric;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vectara's hallucination leaderboard: the Markdown table of the README between {@code <!-- LEADERBOARD_START -->} and
 * {@code <!-- LEADERBOARD_END -->}. {@code as_of} is the table's own "Last updated on March 10, 2026", one date for every
 * row. The benchmark names the judge model the README says it uses ("This leaderboard uses HHEM-2.3"): scores judged
 * by another HHEM version are another benchmark. The {@code " %"} after a rate moves into {@code unit}; the number is
 * kept as written.
 */
final class VectaraUpstream implements LeaderboardUpstream {
    static final String PATH = "README.md";
    private static final String START = "<!-- LEADERBOARD_START -->";
    private static final String END = "<!-- LEADERBOARD_END -->";
    private static final Pattern UPDATED = Pattern.compile("Last updated on (\\w+ \\d{1,2}, \\d{4})");
    private static final DateTimeFormatter UPDATED_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final Pattern JUDGE = Pattern.compile("This leaderboard uses (HHEM-[0-9][0-9.]*[0-9])");
    private static final String MODEL = "Model";
    /** The table's columns after {@code Model}, in the order written. */
    private static final List<Metric> METRICS = List.of(
            new Metric("Hallucination Rate", "%", false),
            new Metric("Factual Consistency Rate", "%", true),
            new Metric("Answer Rate", "%", true),
            new Metric("Average Summary Length (Words)", "words", null));

    @Override
    public String source() {
        return "vectara-hallucination";
    }

    @Override
    public String repo() {
        return "vectara/hallucination-leaderboard";
    }

    @Override
    public List<String> paths() {
        return List.of(PATH);
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        String[] lines = TidyCsv.text(files, PATH).split("\r?\n", -1);
        int start = lineOf(lines, START, 0);
        int end = lineOf(lines, END, start);
        String benchmark = "Vectara hallucination leaderboard (" + judge(lines) + ")";
        LocalDate asOf = null;
        int header = -1;
        for (int i = start + 1; i < end && header < 0; i++) {
            Matcher m = UPDATED.matcher(lines[i]);
            if (asOf == null && m.find()) {
                asOf = date(m.group(1), i + 1);
            } else if (lines[i].startsWith("|")) {
                header = i;
            }
        }
        if (asOf == null) {
            throw new SourceFormatException(PATH, "lines " + (start + 1) + "-" + (end + 1), "no \"Last updated on <Month d, yyyy>\" before the table");
        }
        if (header < 0) {
            throw new SourceFormatException(PATH, "lines " + (start + 1) + "-" + (end + 1), "no table between the leaderboard markers");
        }
        checkHeader(lines[header], header + 1);
        TidyCsv out = new TidyCsv(repo(), ref);
        for (int i = header + 2; i < end && lines[i].startsWith("|"); i++) {
            List<String> cells = cells(lines[i]);
            String place = "line " + (i + 1);
            if (cells.size() != METRICS.size() + 1) {
                throw new SourceFormatException(PATH, place, "expected " + (METRICS.size() + 1) + " cells, got " + cells.size());
            }
            String name = cells.get(0);
            if (name.isEmpty()) {
                throw new SourceFormatException(PATH, place + " column " + MODEL, "empty");
            }
            for (int c = 0; c < METRICS.size(); c++) {
                Metric metric = METRICS.get(c);
                String cell = cells.get(c + 1);
                String number = "%".equals(metric.unit()) && cell.endsWith("%") ? cell.substring(0, cell.length() - 1).strip() : cell;
                out.add(name, benchmark, metric, TidyCsv.score(number, PATH, place + " column " + metric.name()), asOf, PATH, "");
            }
        }
        return out.bytes();
    }

    private static int lineOf(String[] lines, String marker, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals(marker)) {
                return i;
            }
        }
        throw new SourceFormatException(PATH, "", "no " + marker + " line" + (from > 0 ? " after line " + (from + 1) : ""));
    }

    private static String judge(String[] lines) {
        for (String line : lines) {
            Matcher m = JUDGE.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new SourceFormatException(PATH, "", "no \"This leaderboard uses HHEM-<version>\": the judge model names the benchmark");
    }

    private static LocalDate date(String text, int lineNo) {
        try {
            return LocalDate.parse(text, UPDATED_DATE);
        } catch (DateTimeParseException e) {
            throw new SourceFormatException(PATH, "line " + lineNo, "expected a date like \"March 10, 2026\", got \"" + text + "\"");
        }
    }

    private static void checkHeader(String line, int lineNo) {
        List<String> expected = new ArrayList<>(List.of(MODEL));
        METRICS.forEach(m -> expected.add(m.name()));
        if (!cells(line).equals(expected)) {
            throw new SourceFormatException(PATH, "line " + lineNo, "expected the table header |" + String.join("|", expected) + "|, got " + line);
        }
    }

    /** The cells of one {@code |a|b|c|} row, trimmed. */
    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
