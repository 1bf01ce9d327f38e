package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.pricing.OutOfBoundsException;
import io.modelatlas.pricing.ValueBounds;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code seed-benchmarks.csv} ({@code model,benchmark,score,source_url_or_repo_path,as_of}); every row keeps
 * its own source and date. A parenthesis holding a setting ({@code (edit_format=diff)}, {@code (reasoning=medium)})
 * is the score's variant: scores compare only within the same variant. Rows that restate OpenRouter's listing are
 * skipped because the listing itself is a source.
 */
final class BenchmarkTable {
    private static final Pattern SETTING = Pattern.compile("^(.*?)\\s*\\(([^()]*=[^()]*)\\)\\s*$");
    private static final Pattern REPO = Pattern.compile("github\\.com/([^/@]+/[^/@:]+)");

    private static final String HEADER = "model,benchmark,score,source_url_or_repo_path,as_of";

    private BenchmarkTable() {}

    /** Benchmarks by model key. */
    static Map<String, List<Benchmark>> read(BufferedReader reader, String file) {
        Map<String, List<Benchmark>> out = new LinkedHashMap<>();
        CsvTable.read(reader, file, HEADER, (f, lineNo) -> {
                if (f.get(1).contains("via OpenRouter listing")) {
                    return;
                }
                BigDecimal score;
                try {
                    score = ValueBounds.score(new BigDecimal(f.get(2).trim()));
                } catch (NumberFormatException e) {
                    throw new SourceFormatException(file, "line " + lineNo + " column score", "expected a number, got \"" + f.get(2) + "\"");
                } catch (OutOfBoundsException e) {
                    throw new SourceFormatException(file, "line " + lineNo + " column score", e.getMessage());
                }
                LocalDate asOf;
                try {
                    asOf = LocalDate.parse(f.get(4).trim());
                } catch (DateTimeParseException e) {
                    throw new SourceFormatException(file, "line " + lineNo + " column as_of", "expected a date YYYY-MM-DD, got \"" + f.get(4) + "\"");
                }
                Split model = split(f.get(0));
                Split bench = split(f.get(1));
                String variant = model.setting == null ? bench.setting : bench.setting == null ? model.setting : model.setting + ", " + bench.setting;
                BenchmarkKind kind = kind(bench.name);
                Provenance source = new Provenance(sourceName(bench.name, f.get(3)), f.get(3), asOf);
                out.computeIfAbsent(ModelKeys.of(model.name), k -> new ArrayList<>())
                        .add(new Benchmark(displayName(bench.name, kind), variant, score, kind, source));
        });
        return out;
    }

    private record Split(String name, String setting) {}

    private static Split split(String text) {
        Matcher m = SETTING.matcher(text.trim());
        return m.matches() ? new Split(m.group(1).trim(), m.group(2).trim()) : new Split(text.trim(), null);
    }

    private static BenchmarkKind kind(String name) {
        if (name.contains("median output speed")) {
            return BenchmarkKind.OUTPUT_SPEED;
        }
        if (name.contains("time to first token")) {
            return BenchmarkKind.TIME_TO_FIRST_TOKEN;
        }
        return BenchmarkKind.QUALITY;
    }

    /**
     * The benchmark's one name. The Artificial Analysis API's indices take the names OpenRouter's listing gives the
     * same indices, so that the one figure arriving by both routes is recognised as one score ({@code Benchmark.distinct}).
     */
    private static String displayName(String name, BenchmarkKind kind) {
        return switch (kind) {
            case OUTPUT_SPEED -> "Median output speed (Artificial Analysis)";
            case TIME_TO_FIRST_TOKEN -> "Time to first token (Artificial Analysis)";
            case QUALITY -> AA_API_INDICES.getOrDefault(name, name);
        };
    }

    private static final Map<String, String> AA_API_INDICES = Map.of(
            "Artificial Analysis intelligence (AA API)", "Artificial Analysis Intelligence Index",
            "Artificial Analysis coding (AA API)", "Artificial Analysis Coding Index");

    private static String sourceName(String benchmark, String sourceColumn) {
        if (benchmark.startsWith("Artificial Analysis")) {
            return "Artificial Analysis API";
        }
        if (sourceColumn.contains("models.dev")) {
            return "models.dev";
        }
        Matcher m = REPO.matcher(sourceColumn);
        return m.find() ? m.group(1) : sourceColumn;
    }
}
