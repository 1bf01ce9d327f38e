package io.modelatlas.catalog.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tidy leaderboard CSVs of {@code catalog/data/leaderboards/} (see its {@code SOURCE.md}). Every row keeps
 * the model name exactly as published and the score as its published text; the {@link BigDecimal} is parsed from that
 * text, never through a {@code double}. Read on first use of the catalog's leaderboards ({@link LeaderboardImport}).
 */
final class LeaderboardTable {
    /** The leaderboards' folder in the bundled data set. */
    static final String FOLDER = "leaderboards/";
    static final String DIR = CatalogLoader.BUNDLED + FOLDER;
    /** The bundled files, by source name. */
    static final List<String> SOURCES = List.of("lmarena-text", "livebench", "aider-polyglot", "epoch-benchmarks", "vectara-hallucination");
    static final String HEADER = "model_name_as_published,benchmark,metric,score,unit,higher_is_better,as_of,source_repo,source_commit,source_path,variant";
    private static final String[] COLUMNS = HEADER.split(",");
    private static final Pattern LIVEBENCH = Pattern.compile("^LiveBench (\\S+) / (.+?) / (.+)$");
    private static final Pattern LMARENA = Pattern.compile("^LMArena Text \\((.+)\\)$");
    private static final Set<String> SETTINGS = Set.of("edit_format", "reasoning_effort", "thinking_tokens", "editor_model", "editor_edit_format",
            "task_version");
    /**
     * A pinned commit (the bundled tables), or the branch a live refresh read the upstream files at
     * ({@link LeaderboardUpstream#tidy}): "main" says "as the branch stood on {@code as_of}".
     */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

    private LeaderboardTable() {}

    /**
     * One published score.
     *
     * @param category  the benchmark's category where the source has one (LiveBench's category, LMArena's filter), else empty
     * @param variant   the run settings the source publishes beside the score ({@code variant} column), else empty
     * @param scoreText the score exactly as published
     * @param higherIsBetter {@code null} for a descriptive figure (Vectara's summary length)
     */
    record Score(String source, int line, String publishedName, String benchmark, String category, String variant, String metric,
                 String unit, Boolean higherIsBetter, String scoreText, BigDecimal score, LocalDate asOf, String repo, String commit,
                 String path) {
        /**
         * The run settings that make two rows of one name different variants (edit format, reasoning effort, thinking
         * tokens, editor model) and the version of the task set run (Epoch's FrontierMath 1.0.0 and 1.1.0 are not one
         * test); a run's id, command and notes are not settings.
         */
        String settings() {
            List<String> kept = new ArrayList<>();
            for (String part : variant.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && SETTINGS.contains(p.substring(0, eq))) {
                    kept.add(p);
                }
            }
            return String.join("; ", kept);
        }
    }

    /** Every bundled source's rows. */
    static List<Score> readBundled() {
        List<Score> all = new ArrayList<>();
        for (String source : SOURCES) {
            String file = source + ".csv";
            try (InputStream in = LeaderboardTable.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    throw new SourceFormatException(file, "", "missing from the bundled data");
                }
                all.addAll(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** Every leaderboard's rows as {@code set} reads them: a fetched copy where one replaced the data set's own table. */
    static List<Score> read(SourceSet set) {
        List<Score> all = new ArrayList<>();
        for (String source : SOURCES) {
            all.addAll(read(set.file(source)));
        }
        return all;
    }

    /** One leaderboard's rows. */
    static List<Score> read(SourceSet.SourceFile file) {
        return read(new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(file.content()), StandardCharsets.UTF_8)),
                file.fileName(), file.source());
    }

    /** How many scores {@code set}'s leaderboards hold (data lines), counted without parsing them. */
    static int rowCount(SourceSet set) {
        int rows = 0;
        for (String source : SOURCES) {
            byte[] content = set.file(source).content();
            int lines = 0;
            for (byte b : content) {
                lines += b == '\n' ? 1 : 0;
            }
            if (content.length > 0 && content[content.length - 1] != '\n') {
                lines++; // a last line without its line end
            }
            rows += Math.max(0, lines - 1); // the header is no score
        }
        return rows;
    }

    /** The bundled files leaderboards are built from: the mapping and each source's table. */
    static List<String> bundledFiles() {
        List<String> names = new ArrayList<>(List.of("mapping.toml"));
        SOURCES.forEach(source -> names.add(source + ".csv"));
        return names;
    }

    static byte[] bundledBytes(String name) {
        try (InputStream in = LeaderboardTable.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new SourceFormatException(name, "", "missing from the bundled data");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many scores the bundled files hold (data lines), counted without parsing them. */
    static int bundledRowCount() {
        int rows = 0;
        for (String source : SOURCES) {
            try (InputStream in = LeaderboardTable.class.getResourceAsStream(DIR + source + ".csv")) {
                if (in == null) {
                    throw new SourceFormatException(source + ".csv", "", "missing from the bundled data");
                }
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        rows += buf[i] == '\n' ? 1 : 0;
                    }
                }
                rows--; // the header
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    /**
     * @throws SourceFormatException naming the file, line and column of the first bad row
     */
    static List<Score> read(BufferedReader reader, String file, String source) {
        List<Score> out = new ArrayList<>();
        Map<String, LocalDate> dates = new HashMap<>(); // a file has a few dozen distinct dates over thousands of rows
        CsvTable.read(reader, file, HEADER, (f, lineNo) -> out.add(row(f, file, source, lineNo, dates)));
        return out;
    }

    private static Score row(List<String> f, String file, String source, int lineNo, Map<String, LocalDate> dates) {
        String name = required(f, 0, file, lineNo);
        String benchmark = required(f, 1, file, lineNo);
        String metric = required(f, 2, file, lineNo);
        String scoreText = required(f, 3, file, lineNo);
        BigDecimal score;
        try {
            score = new BigDecimal(scoreText);
        } catch (NumberFormatException e) {
            throw bad(file, lineNo, 3, "expected a number, got \"" + scoreText + "\"");
        }
        String unit = required(f, 4, file, lineNo);
        Boolean higher = switch (f.get(5)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "" -> null;
            default -> throw bad(file, lineNo, 5, "expected true, false or empty, got \"" + f.get(5) + "\"");
        };
        LocalDate asOf;
        try {
            asOf = dates.computeIfAbsent(required(f, 6, file, lineNo), LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw bad(file, lineNo, 6, "expected a date YYYY-MM-DD, got \"" + f.get(6) + "\"");
        }
        String repo = required(f, 7, file, lineNo);
        if (!repo.startsWith("github.com/")) {
            throw bad(file, lineNo, 7, "expected github.com/<owner>/<repo>, got \"" + repo + "\"");
        }
        String commit = required(f, 8, file, lineNo);
        if (!COMMIT.matcher(commit).matches()) {
            throw bad(file, lineNo, 8, "expected a 40-digit commit or a branch name, got \"" + commit + "\"");
        }
        String path = required(f, 9, file, lineNo);
        return new Score(source, lineNo, name, benchmark, category(benchmark), f.get(10).trim(), metric, unit, higher, scoreText, score,
                asOf, repo, commit, path);
    }

    /** LiveBench's {@code <release> / <category> / <task>} category, LMArena's category filter; else empty. */
    static String category(String benchmark) {
        Matcher m = LIVEBENCH.matcher(benchmark);
        if (m.matches()) {
            return m.group(2);
        }
        m = LMARENA.matcher(benchmark);
        return m.matches() ? m.group(1) : "";
    }

    private static String required(List<String> f, int column, String file, int lineNo) {
        String v = f.get(column);
        if (v.isBlank() || !v.equals(v.trim())) {
            throw bad(file, lineNo, column, v.isBlank() ? "empty" : "leading or trailing space in \"" + v + "\"");
        }
        return v;
    }

    private static SourceFormatException bad(String file, int lineNo, int column, String problem) {
        return new SourceFormatException(file, "line " + lineNo + " column " + COLUMNS[column], problem);
    }
}
