package io.modelatlas.check;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Model;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark scores ("scored 87.5% on MMLU", "84.1% on IFEval"), overall scores ("2.50/3") and latency claims ("50%
 * lower latency"). A score is right when a catalog score of that benchmark says so; a score of a benchmark the
 * model has no score on is unsourced; a different figure where the catalog has one is unchecked, since benchmark
 * runs differ in variant and setting. Latency claims are unsourced: no source says which latency an article means
 * (first token, whole answer); the measured speeds are shown beside them.
 */
final class BenchmarkClaims {
    /** Named benchmarks an article may cite whether or not the catalog has a score on them. */
    private static final List<String> WELL_KNOWN = List.of("SWE-bench Verified", "SWE-bench", "MMLU-Pro", "MMLU", "IFEval", "GPQA Diamond", "GPQA",
            "HumanEval", "MATH-500", "MATH", "AIME", "MMMU", "LiveCodeBench", "Aider Polyglot", "SimpleQA", "MGSM", "DROP", "Humanity's Last Exam", "HLE",
            "Chatbot Arena", "ARC-AGI", "BFCL", "tau-bench", "TAU-bench", "MRCR", "Graphwalks");
    private static final Pattern PERCENT = Pattern.compile("(?:\\d{1,3}(?:\\.\\d+)?\\s?[-–]\\s?)?(\\d{1,3}(?:\\.\\d+)?)\\s?%(?!\\s+(?:cheaper|less|more|lower cost|cost|price|savings?|of the (?:cost|price)))");
    private static final Pattern OVERALL = Pattern.compile("(?i)\\bscores?\\b[^.]{0,60}?\\b(\\d+(?:\\.\\d+)?)\\s?/\\s?(\\d+)\\b");
    private static final Pattern LATENCY_AFTER = Pattern.compile("(?i)^[\\s\\w-]{0,30}?\\b(latency|response times?|time to first token)\\b");
    private static final Pattern LATENCY_BEFORE = Pattern.compile("(?i)\\b(latency|response times?)\\b[\\s\\w-]{0,30}$");
    private static final Pattern SCORE_WORDS = Pattern.compile("(?i)\\bscor|\\bachiev");

    private BenchmarkClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<String> names = names(ctx);
        List<Claim> out = new ArrayList<>();
        Article a = ctx.article();
        for (int n = 1; n <= a.lineCount(); n++) {
            String line = a.line(n);
            List<Article.Sentence> sentences = a.sentences(n);
            for (int i = 0; i < sentences.size(); i++) {
                Article.Sentence s = sentences.get(i);
                String text = line.substring(s.start(), s.end());
                Matcher p = PERCENT.matcher(text);
                while (p.find()) {
                    int at = s.start() + p.start();
                    int end = s.start() + p.end();
                    if (LATENCY_AFTER.matcher(line.substring(end, s.end())).find() || LATENCY_BEFORE.matcher(line.substring(s.start(), at)).find()) {
                        out.add(latency(ctx, n, s, at, end));
                        continue;
                    }
                    Optional<Named> bench = nearest(names, text, p.start(), s.start());
                    if (bench.isEmpty() && i > 0 && SCORE_WORDS.matcher(text).find()) {
                        Article.Sentence prev = sentences.get(i - 1);
                        bench = nearest(names, line.substring(prev.start(), prev.end()), Integer.MAX_VALUE, prev.start());
                    }
                    if (bench.isPresent()) {
                        out.add(score(ctx, n, s, at, end, bench.get().name(), new BigDecimal(p.group(1))));
                    }
                }
                Matcher o = OVERALL.matcher(text);
                while (o.find()) {
                    int at = s.start() + o.start(1);
                    out.add(Claims.of(ctx, n, at, s.start() + o.end(2), ClaimKind.BENCHMARK, models(ctx, n, s, at), o.group(1) + "/" + o.group(2) + " overall score",
                            null, Verdict.UNSOURCED, null, List.of()));
                }
            }
        }
        return out;
    }

    private record Named(String name, int distance) {}

    private static Optional<Named> nearest(List<String> names, String text, int position, int offset) {
        Named best = null;
        for (String name : names) {
            Matcher m = wordPattern(name).matcher(text);
            while (m.find()) {
                int d = position == Integer.MAX_VALUE ? 0 : Math.abs(m.start() - position);
                if (best == null || d < best.distance()) {
                    best = new Named(name, d);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(CheckContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        for (Model m : ctx.mentions().ranked()) {
            m.benchmarks(BenchmarkKind.QUALITY).forEach(b -> out.add(b.name()));
        }
        out.addAll(WELL_KNOWN);
        // longer names first, so that "MMLU-Pro" is not read as "MMLU"
        return out.stream().filter(n -> n.length() >= 3).sorted((x, y) -> y.length() - x.length()).toList();
    }

    private static List<Model> models(CheckContext ctx, int n, Article.Sentence s, int at) {
        return ctx.subjectAt(n, at).map(List::of).orElse(List.of());
    }

    private static Claim score(CheckContext ctx, int n, Article.Sentence s, int start, int end, String benchmark, BigDecimal stated) {
        Optional<Model> subject = ctx.subjectAt(n, start);
        String statedText = benchmark + " " + stated.toPlainString() + "%";
        if (subject.isEmpty()) {
            return Claims.of(ctx, n, start, end, ClaimKind.BENCHMARK, List.of(), statedText, null, Verdict.UNCHECKED, null, List.of());
        }
        for (Model m : ctx.candidates(subject.get(), s)) {
            for (Benchmark b : m.benchmarks(BenchmarkKind.QUALITY)) {
                if (sameBenchmark(b, benchmark) && Figures.compare(stated, b.score(), false) != null) {
                    return Claims.of(ctx, n, start, end, ClaimKind.BENCHMARK, List.of(m), statedText,
                            b.fullName() + " " + b.score().toPlainString() + " (" + b.source().source() + ")", Figures.compare(stated, b.score(), false), null,
                            List.of(b.source()));
                }
            }
        }
        List<Benchmark> held = subject.get().benchmarks(BenchmarkKind.QUALITY).stream().filter(b -> sameBenchmark(b, benchmark)).toList();
        if (held.isEmpty()) {
            return Claims.of(ctx, n, start, end, ClaimKind.BENCHMARK, List.of(subject.get()), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        String actual = String.join("; ", held.stream().map(b -> b.fullName() + " " + b.score().toPlainString()).toList());
        return Claims.of(ctx, n, start, end, ClaimKind.BENCHMARK, List.of(subject.get()), statedText, actual, Verdict.UNCHECKED, null,
                held.stream().map(Benchmark::source).toList());
    }

    private static Claim latency(CheckContext ctx, int n, Article.Sentence s, int start, int end) {
        Optional<Model> subject = ctx.subjectAt(n, start);
        List<Model> models = new ArrayList<>();
        subject.ifPresent(models::add);
        ctx.mentions().ranked().stream().limit(2).filter(m -> models.stream().noneMatch(x -> x == m)).findFirst().ifPresent(models::add);
        List<String> measured = new ArrayList<>();
        List<io.modelatlas.catalog.Provenance> sources = new ArrayList<>();
        for (BenchmarkKind kind : List.of(BenchmarkKind.TIME_TO_FIRST_TOKEN, BenchmarkKind.OUTPUT_SPEED)) {
            List<String> each = new ArrayList<>();
            for (Model m : models) {
                m.benchmarks(kind).stream().findFirst().ifPresent(b -> {
                    each.add(m.displayName() + " " + b.score().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + b.metric());
                    sources.add(b.source());
                });
            }
            if (each.size() == models.size() && !each.isEmpty()) {
                measured.add((kind == BenchmarkKind.TIME_TO_FIRST_TOKEN ? "time to first token: " : "output speed: ") + String.join(" vs ", each));
            }
        }
        String text = ctx.article().line(n).substring(start, end);
        String after = ctx.article().line(n).substring(end, Math.min(s.end(), end + 40)).toLowerCase(Locale.ROOT);
        String before = ctx.article().line(n).substring(Math.max(s.start(), start - 40), start).toLowerCase(Locale.ROOT);
        boolean reduction = after.matches("(?s)\\W*(lower|less|reduc\\w*|shorter|faster|cut|drop)\\b.*")
                || before.matches("(?s).*\\b(cuts?|lowers?|reduces?|drops?)\\b[\\w\\s]*\\blatency\\b[\\w\\s]*$");
        if (reduction && models.size() == 2 && farFromEveryMeasure(models.get(0), models.get(1), text)) {
            return Claims.of(ctx, n, start, end, ClaimKind.LATENCY, models, text + " lower latency",
                    "measured " + String.join("; ", measured) + ": neither measure shows " + models.get(0).displayName()
                            + " even half that much quicker", Verdict.WRONG, measuredSentence(models.get(0), models.get(1)), sources);
        }
        return Claims.of(ctx, n, start, end, ClaimKind.LATENCY, models, text + " latency",
                measured.isEmpty() ? null : "the text does not say which latency; measured " + String.join("; ", measured), Verdict.UNSOURCED, null, sources);
    }

    /**
     * True when a claimed share of lower latency ("50%", "30-40%": its upper end) is more than twice what either
     * measure gives: the subject's first token is not that much sooner, and its output is not that much faster (the
     * share of generation time saved). Without both measures for both models nothing is called wrong.
     */
    private static boolean farFromEveryMeasure(Model subject, Model other, String claimed) {
        Matcher numbers = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(claimed);
        BigDecimal share = null;
        while (numbers.find()) {
            BigDecimal v = new BigDecimal(numbers.group());
            share = share == null || v.compareTo(share) > 0 ? v : share;
        }
        Optional<BigDecimal> ttftS = measure(subject, BenchmarkKind.TIME_TO_FIRST_TOKEN);
        Optional<BigDecimal> ttftO = measure(other, BenchmarkKind.TIME_TO_FIRST_TOKEN);
        Optional<BigDecimal> speedS = measure(subject, BenchmarkKind.OUTPUT_SPEED);
        Optional<BigDecimal> speedO = measure(other, BenchmarkKind.OUTPUT_SPEED);
        if (share == null || share.signum() <= 0 || ttftS.isEmpty() || ttftO.isEmpty() || speedS.isEmpty() || speedO.isEmpty()
                || ttftO.get().signum() <= 0 || speedS.get().signum() <= 0) {
            return false;
        }
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal sooner = BigDecimal.ONE.subtract(ttftS.get().divide(ttftO.get(), mc)); // share of first-token time saved
        BigDecimal faster = BigDecimal.ONE.subtract(speedO.get().divide(speedS.get(), mc)); // share of generation time saved
        BigDecimal half = share.divide(BigDecimal.valueOf(200), mc);
        return sooner.compareTo(half) < 0 && faster.compareTo(half) < 0;
    }

    /** "GPT-4.1 Mini's first token comes 5% later than GPT-4o Mini's (0.63 s vs 0.6 s), and it streams 17% faster (87 vs 74 tokens/s)." */
    private static String measuredSentence(Model subject, Model other) {
        BigDecimal ttftS = measure(subject, BenchmarkKind.TIME_TO_FIRST_TOKEN).orElseThrow();
        BigDecimal ttftO = measure(other, BenchmarkKind.TIME_TO_FIRST_TOKEN).orElseThrow();
        BigDecimal speedS = measure(subject, BenchmarkKind.OUTPUT_SPEED).orElseThrow();
        BigDecimal speedO = measure(other, BenchmarkKind.OUTPUT_SPEED).orElseThrow();
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal first = ttftS.divide(ttftO, mc).subtract(BigDecimal.ONE).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        BigDecimal stream = speedS.divide(speedO, mc).subtract(BigDecimal.ONE).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        return subject.displayName() + "'s first token comes " + first.abs() + "% " + (first.signum() > 0 ? "later" : "sooner") + " than "
                + other.displayName() + "'s (" + ttftS.stripTrailingZeros().toPlainString() + " s vs " + ttftO.stripTrailingZeros().toPlainString()
                + " s), and it streams " + stream.abs() + "% " + (stream.signum() >= 0 ? "faster" : "slower") + " ("
                + speedS.setScale(0, RoundingMode.HALF_UP) + " vs " + speedO.setScale(0, RoundingMode.HALF_UP) + " output tokens/s).";
    }

    private static Optional<BigDecimal> measure(Model m, BenchmarkKind kind) {
        return m.benchmarks(kind).stream().findFirst().map(Benchmark::score);
    }

    /** The name as a whole word; an all-capitals name (DROP, MATH) only in capitals, so that "a drop in latency" is no benchmark. */
    private static Pattern wordPattern(String name) {
        boolean capitals = name.equals(name.toUpperCase(Locale.ROOT));
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])", capitals ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The catalog's "simple-evals MMLU" is the article's "MMLU"; "MMLU-Pro" is not. */
    private static boolean sameBenchmark(Benchmark b, String stated) {
        return squash(b.name()).equals(squash(stated)) || wordPattern(stated).matcher(b.name()).find();
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
