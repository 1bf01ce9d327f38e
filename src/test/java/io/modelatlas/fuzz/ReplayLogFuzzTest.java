package io.modelatlas.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.replay.BadLineException;
import io.modelatlas.replay.Replay;
import io.modelatlas.replay.ReplayReport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged copies of valid logs of every shape {@code modelatlas replay} and {@code /replay} read, through the same
 * entry point ({@link ReplayReport#run}). In lenient mode every bad line is counted and named with its number and a
 * reason, and nothing else is lost: read lines plus skipped lines are all the non-empty lines. In strict mode the read
 * stops at the first of those same bad lines with a {@link BadLineException}, and with nothing else. Totals are never
 * negative, and a model without a price is "unknown", never $0.
 */
class ReplayLogFuzzTest {
    private static final int CASES = 200;
    private static final Pattern PROBLEM = Pattern.compile("line (\\d+): (.+)", Pattern.DOTALL);

    enum Shape {
        CHAT("chat.jsonl", """
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is 2+2?"}]}
                {"request":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello world"}]},"response":{"choices":[{"message":{"content":"hi"}}]}}
                {"request":{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"Summarise"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]},"response":{"choices":[{"message":{"content":"ok"}}],"usage":{"prompt_tokens":120,"completion_tokens":30,"prompt_tokens_details":{"cached_tokens":64}}},"timestamp":"2026-05-01T00:00:00Z"}
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": [{"type": "text", "text": "Describe"}]}], "usage": {"prompt_tokens": 15, "completion_tokens": 4}, "created": 1777600000}
                {"request":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Again"}]},"response":{"usage":{"prompt_tokens":9,"completion_tokens":2}},"timestamp":"2026-06-01T00:00:00Z"}
                """),
        USAGE("usage.jsonl", """
                {"model":"gpt-4.1-mini","input_tokens":1000,"output_tokens":500,"cached_input_tokens":400,"timestamp":"2026-05-01T00:00:00Z"}
                {"model":"gpt-4.1-mini","input_tokens":2000,"output_tokens":0,"timestamp":1777600000}
                {"model": "gpt-4o-mini", "input_tokens": 300000, "output_tokens": 20000, "timestamp": "2026-05-31T00:00:00Z"}
                {"input_tokens":0,"output_tokens":1000,"extra":{"nested":[1,2,3]}}
                {"model":null,"input_tokens":7,"output_tokens":7,"cached_input_tokens":0}
                """),
        CSV("usage.csv", """
                model,input_tokens,output_tokens,cached_input_tokens,timestamp
                gpt-4.1-mini,1000,500,400,2026-05-01T00:00:00Z
                "gpt-4o-mini",2000,0,,1777600000
                gpt-4o-mini,300000,20000,0,
                ,0,1000,0,2026-05-31T00:00:00Z
                """);

        final String file;
        final String log;

        Shape(String file, String log) {
            this.file = file;
            this.log = log;
        }
    }

    private static final Model UNPRICED = unpriced();
    private static final List<Model> TARGETS = List.of(Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), UNPRICED);
    private static final Catalog CATALOG = Catalog.of(TARGETS);

    @ParameterizedTest
    @EnumSource(Shape.class)
    void damaged_logs_are_priced_with_every_bad_line_named_or_stop_a_strict_run_at_the_first(Shape shape) {
        List<String> failures = new ArrayList<>();
        int damaged = 0;
        for (int seed = 0; seed < CASES; seed++) {
            byte[] log = new Mutator(seed).mutateLog(shape.log);
            String where = shape + " seed " + seed + ": ";
            long firstBad = -1;
            try {
                ReplayReport lenient = run(shape.file, log, false);
                checkLenient(lenient, log, shape, failures, where);
                firstBad = lenient.problems().isEmpty() ? -1 : lineOf(lenient.problems().get(0));
                damaged += lenient.skippedLines() > 0 ? 1 : 0;
            } catch (BadLineException e) {
                // only the CSV header stops a lenient read: without it no line can be read
                if (shape != Shape.CSV || !e.getMessage().matches("(?s)usage\\.csv line \\d+: the CSV header .+")) {
                    failures.add(where + "lenient read stopped: " + e.getMessage());
                }
                firstBad = lineOf(e.getMessage().substring(shape.file.length() + 1));
                damaged++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(where + "lenient: " + e);
                continue;
            }
            try {
                ReplayReport strict = run(shape.file, log, true);
                if (firstBad > 0) {
                    failures.add(where + "strict read passed line " + firstBad + ", which the lenient read skipped");
                }
                checkTotals(strict, failures, where);
            } catch (BadLineException e) {
                if (!e.getMessage().startsWith(shape.file + " line " + firstBad + ": ")) {
                    failures.add(where + "strict read should stop at line " + firstBad + ", got: " + e.getMessage());
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(where + "strict: " + e);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(damaged).as("the mutations do damage lines").isGreaterThan(CASES / 4);
    }

    private static ReplayReport run(String file, byte[] log, boolean strict) {
        return ReplayReport.run(file, new ByteArrayInputStream(log), CATALOG, TARGETS, strict);
    }

    private static void checkLenient(ReplayReport r, byte[] log, Shape shape, List<String> failures, String where) {
        long nonEmpty = nonEmptyLines(log);
        long accounted = r.requests() + r.skippedLines();
        boolean headerOnly = shape == Shape.CSV && accounted == nonEmpty - 1;
        boolean noHeaderFound = shape == Shape.CSV && r.requests() == 0 && accounted == nonEmpty;
        if (shape == Shape.CSV ? !(headerOnly || noHeaderFound) : accounted != nonEmpty) {
            failures.add(where + r.requests() + " read + " + r.skippedLines() + " skipped != " + nonEmpty + " non-empty lines" + (shape == Shape.CSV ? " - header" : ""));
        }
        if (r.problems().size() != Math.min(r.skippedLines(), 20)) {
            failures.add(where + r.skippedLines() + " skipped lines but " + r.problems().size() + " problems reported");
        }
        long previous = 0;
        for (String p : r.problems()) {
            Matcher m = PROBLEM.matcher(p);
            if (!m.matches() || m.group(2).isBlank() || m.group(2).startsWith("null")) {
                failures.add(where + "a problem without line and reason: " + p);
                continue;
            }
            long line = Long.parseLong(m.group(1));
            if (line <= previous) {
                failures.add(where + "problem lines out of order: " + r.problems());
            }
            previous = line;
        }
        checkTotals(r, failures, where);
    }

    private static void checkTotals(ReplayReport r, List<String> failures, String where) {
        for (Replay.ModelResult m : r.models()) {
            if (m.modelId().equals(UNPRICED.id())) {
                if (m.totalUsd() != null || m.note() == null) {
                    failures.add(where + "a model without a price got " + m.totalUsd());
                }
                continue;
            }
            for (BigDecimal v : new BigDecimal[] {m.totalUsd(), m.per1000Usd(), m.p50Usd(), m.p95Usd(), m.maxUsd()}) {
                if (r.requests() > 0 && (v == null || v.signum() < 0)) {
                    failures.add(where + m.modelId() + " has a negative or missing amount: " + m);
                    break;
                }
            }
            if (r.requests() > 0 && (m.p50Usd().compareTo(m.p95Usd()) > 0 || m.p95Usd().compareTo(m.maxUsd()) > 0)) {
                failures.add(where + m.modelId() + " percentiles out of order: " + m);
            }
            if (m.overContext() < 0 || m.overContext() > r.requests() || m.overMaxOutput() < 0 || m.overMaxOutput() > r.requests()) {
                failures.add(where + m.modelId() + " overflow counts out of range: " + m);
            }
        }
    }

    /** Lines as the reader splits them: on \n, one trailing \r dropped, a BOM before the first; blank is spaces and tabs. */
    private static long nonEmptyLines(byte[] log) {
        long count = 0;
        boolean blank = true;
        boolean any = false;
        for (byte b : log) {
            if (b == '\n') {
                count += blank ? 0 : 1;
                blank = true;
                any = false;
                continue;
            }
            any = true;
            if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
        }
        count += any && !blank ? 1 : 0;
        boolean bomOnly = log.length >= 3 && log[0] == (byte) 0xEF && log[1] == (byte) 0xBB && log[2] == (byte) 0xBF
                && onlySpaceUntilNewline(log, 3);
        return count - (bomOnly ? 1 : 0);
    }

    private static boolean onlySpaceUntilNewline(byte[] log, int from) {
        for (int i = from; i < log.length && log[i] != '\n'; i++) {
            if (log[i] != ' ' && log[i] != '\t' && log[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static long lineOf(String problem) {
        Matcher m = Pattern.compile("line (\\d+):").matcher(problem);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Model unpriced() {
        Model base = Fixtures.gpt41();
        return new Model("mystery", "Mystery", "acme", "Acme", null, List.of(), base.type(), null, null, null, null, null, null, null, null,
                base.capabilities(), List.of(), base.status(), List.of(), List.of(), List.of(), List.of(new Offering("acme", "mystery", null, null, null)), null);
    }
}
