package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price ratios: "80% cheaper", "costs 83% less than", "5x price premium", "five times cheaper", "one-fifth the price",
 * "about 20% of the cost". The claimed ratio of the subject's price to the other model's is compared with the
 * catalog's on input, on output and on the usual blends (only the one the text names, "on input tokens"). A claim is
 * wrong only when no reading makes it true; when the text leaves open which model is which, both ways are tried.
 */
final class RatioClaims {
    private static final String HEDGE = "(?:(up to|about|around|roughly|nearly|almost|approximately|over|more than|some|close to|exactly)\\s+)?";
    private static final Pattern PERCENT = Pattern.compile("(?i)\\b" + HEDGE + "(\\d+(?:\\.\\d+)?)(?:\\s?[-–]\\s?(\\d+(?:\\.\\d+)?))?\\s?%\\s+"
            + "(cheaper|less expensive|lower (?:cost|price)s?|less|(?:cost|price) (?:reduction|cut|savings?)|savings?|more expensive|pricier|more|of (?:the |its )?(?:cost|price))\\b");
    private static final Pattern TIMES = Pattern.compile("(?i)\\b" + HEDGE + "(\\d+(?:\\.\\d+)?|" + Figures.NUMBER_WORD + ")\\s?(?:x|×|times)\\s+"
            + "(cheaper|less expensive|more expensive|pricier|more costly|as expensive|as much|more efficient on (?:input |output )?costs?|the (?:price|cost)|(?:price |cost )?premium|(?:price|cost) (?:jump|increase|difference|gap|hike)|cost|price)\\b");
    private static final Pattern FRACTION = Pattern.compile("(?i)\\b" + HEDGE + "one[- ](half|third|quarter|fourth|fifth|sixth|tenth)\\s+(?:of\\s+)?(?:the|its)\\s+(price|cost)\\b");
    private static final Pattern COST_WORDS = Pattern.compile("(?i)cost|price|cheap|expens|\\$");
    private static final Pattern ON_KIND = Pattern.compile("(?i)^[^.;]{0,12}?\\bon\\s+(input|output)\\b");
    private static final Map<String, Integer> FRACTIONS = Map.of("half", 2, "third", 3, "quarter", 4, "fourth", 4, "fifth", 5, "sixth", 6, "tenth", 10);

    private RatioClaims() {}

    /** How the claimed figure reads as a ratio of prices. */
    private enum Reading {
        /** "P% cheaper": subject / other = 1 - P/100. */
        PERCENT_CHEAPER,
        /** "P% more expensive": subject / other = 1 + P/100. */
        PERCENT_DEARER,
        /** "P% of the cost": subject / other = P/100. */
        PERCENT_OF,
        /** "N times cheaper", "one-fifth the price": subject / other = 1/N. */
        TIMES_CHEAPER,
        /** "N times as expensive": subject / other = N. */
        TIMES_DEARER,
        /** "Nx premium", "the 5x cost": the larger price over the smaller, whichever model has it. */
        TIMES_EITHER
    }

    private record Found(int start, int end, BigDecimal low, BigDecimal high, Reading reading, boolean hedged) {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            String line = ctx.article().line(n);
            for (Article.Sentence s : ctx.article().sentences(n)) {
                String text = line.substring(s.start(), s.end());
                for (Found f : found(text, s.start())) {
                    if (!COST_WORDS.matcher(text).find() && f.reading() != Reading.PERCENT_CHEAPER && f.reading() != Reading.TIMES_CHEAPER) {
                        continue; // "50% more" of anything but money is not a price claim
                    }
                    Claim c = judge(ctx, s, f);
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static List<Found> found(String text, int offset) {
        List<Found> out = new ArrayList<>();
        Matcher p = PERCENT.matcher(text);
        while (p.find()) {
            String word = p.group(4).toLowerCase(Locale.ROOT);
            if (text.substring(p.end()).matches("(?is)^\\s*(latency|time|speed|tokens|throughput|context|memory|errors?).*")) {
                continue;
            }
            Reading r = word.startsWith("of ") ? Reading.PERCENT_OF
                    : word.startsWith("more") || word.equals("pricier") ? Reading.PERCENT_DEARER : Reading.PERCENT_CHEAPER;
            BigDecimal low = new BigDecimal(p.group(2));
            BigDecimal high = p.group(3) == null ? low : new BigDecimal(p.group(3));
            out.add(new Found(offset + p.start(), offset + p.end(), low, high, r, p.group(1) != null && !p.group(1).equalsIgnoreCase("exactly")));
        }
        Matcher t = TIMES.matcher(text);
        while (t.find()) {
            String word = t.group(3).toLowerCase(Locale.ROOT);
            Reading r = word.startsWith("cheaper") || word.startsWith("less") || word.startsWith("more efficient") ? Reading.TIMES_CHEAPER
                    : word.startsWith("more") || word.startsWith("as ") || word.equals("pricier") ? Reading.TIMES_DEARER : Reading.TIMES_EITHER;
            BigDecimal n = Figures.number(t.group(2));
            out.add(new Found(offset + t.start(), offset + t.end(), n, n, r, t.group(1) != null && !t.group(1).equalsIgnoreCase("exactly")));
        }
        Matcher f = FRACTION.matcher(text);
        while (f.find()) {
            BigDecimal n = BigDecimal.valueOf(FRACTIONS.get(f.group(2).toLowerCase(Locale.ROOT)));
            out.add(new Found(offset + f.start(), offset + f.end(), n, n, Reading.TIMES_CHEAPER, f.group(1) != null));
        }
        return out;
    }

    private static Claim judge(CheckContext ctx, Article.Sentence s, Found f) {
        String line = ctx.article().line(s.line());
        String stated = line.substring(f.start(), f.end()).strip();
        Pair pair = pair(ctx, s, f);
        if (pair == null) {
            return Claims.of(ctx, s.line(), f.start(), f.end(), ClaimKind.RATIO, List.of(), stated, null, Verdict.UNCHECKED, null, List.of());
        }
        Optional<Offering> so = pair.subject().primaryOffering();
        Optional<Offering> oo = pair.other().primaryOffering();
        if (so.isEmpty() || oo.isEmpty()) {
            return Claims.of(ctx, s.line(), f.start(), f.end(), ClaimKind.RATIO, List.of(pair.subject(), pair.other()), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        Matcher on = ON_KIND.matcher(line.substring(f.end(), s.end()));
        String only = on.find() ? on.group(1).toLowerCase(Locale.ROOT) : stated.toLowerCase(Locale.ROOT).contains("input") ? "input"
                : stated.toLowerCase(Locale.ROOT).contains("output") ? "output" : null;
        Map<String, BigDecimal> ratios = ratios(so.get().prices().value(), oo.get().prices().value(), only);
        if (ratios.isEmpty()) {
            return Claims.of(ctx, s.line(), f.start(), f.end(), ClaimKind.RATIO, List.of(pair.subject(), pair.other()), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        List<io.modelatlas.catalog.Provenance> sources = List.of(so.get().prices().source(), oo.get().prices().source());
        for (boolean reversed : pair.sure() ? new boolean[] {false} : new boolean[] {false, true}) {
            for (Map.Entry<String, BigDecimal> e : ratios.entrySet()) {
                BigDecimal ratio = reversed ? BigDecimal.ONE.divide(e.getValue(), 10, RoundingMode.HALF_EVEN) : e.getValue();
                Verdict v = verdict(f, ratio);
                if (v != null) {
                    Model a = reversed ? pair.other() : pair.subject();
                    Model b = reversed ? pair.subject() : pair.other();
                    return Claims.of(ctx, s.line(), f.start(), f.end(), ClaimKind.RATIO, List.of(a, b), stated,
                            describe(a, b, ratio) + " on " + e.getKey(), v, null, sources);
                }
            }
        }
        String key = ratios.containsKey("input") ? "input" : ratios.keySet().iterator().next();
        BigDecimal ratio = ratios.get(key);
        String fact = describe(pair.subject(), pair.other(), ratio) + " on " + key;
        return Claims.of(ctx, s.line(), f.start(), f.end(), ClaimKind.RATIO, List.of(pair.subject(), pair.other()), stated, fact,
                Verdict.WRONG, sentence(pair.subject(), pair.other(), ratio, key), sources);
    }

    /** The subject's price over the other's, per kind the claim may mean, exact to 10 decimals. */
    private static Map<String, BigDecimal> ratios(PriceSheet subject, PriceSheet other, String only) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (PriceKind k : List.of(PriceKind.INPUT, PriceKind.OUTPUT)) {
            Optional<TokenRate> a = subject.rate(k);
            Optional<TokenRate> b = other.rate(k);
            if ((only == null || only.equals(k.label())) && a.isPresent() && b.isPresent() && !b.get().isFree() && !a.get().isFree()) {
                out.put(k.label(), a.get().ratioTo(b.get()));
            }
        }
        if (only == null) {
            List<BlendClaims.Blend> sa = BlendClaims.blends(subject);
            List<BlendClaims.Blend> sb = BlendClaims.blends(other);
            for (int i = 0; i < Math.min(2, Math.min(sa.size(), sb.size())); i++) {
                if (sb.get(i).usdPerMillion().signum() > 0) {
                    out.put("a " + sa.get(i).definition() + " blend", sa.get(i).usdPerMillion().divide(sb.get(i).usdPerMillion(), 10, RoundingMode.HALF_EVEN));
                }
            }
        }
        return out;
    }

    /** Whether the claimed figure is this ratio (subject / other), within the text's rounding. */
    private static Verdict verdict(Found f, BigDecimal ratio) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal actual = switch (f.reading()) {
            case PERCENT_CHEAPER -> BigDecimal.ONE.subtract(ratio).multiply(hundred);
            case PERCENT_DEARER -> ratio.subtract(BigDecimal.ONE).multiply(hundred);
            case PERCENT_OF -> ratio.multiply(hundred);
            case TIMES_CHEAPER -> BigDecimal.ONE.divide(ratio, 10, RoundingMode.HALF_EVEN);
            case TIMES_DEARER -> ratio;
            case TIMES_EITHER -> ratio.compareTo(BigDecimal.ONE) >= 0 ? ratio : BigDecimal.ONE.divide(ratio, 10, RoundingMode.HALF_EVEN);
        };
        if (actual.signum() <= 0) {
            return null;
        }
        if (f.low().compareTo(f.high()) != 0) {
            return actual.compareTo(f.low()) >= 0 && actual.compareTo(f.high()) <= 0 ? Verdict.RIGHT : null;
        }
        return Figures.compare(f.low(), actual.stripTrailingZeros(), f.hedged());
    }

    private record Pair(Model subject, Model other, boolean sure) {}

    /**
     * Who is compared with whom: a table column's model with the table's other model column; else the first model the
     * sentence names with the next one it names, or with the article's other main model. The order is sure for a
     * table, and for a sentence that names one model only; else both orders are tried.
     */
    private static Pair pair(CheckContext ctx, Article.Sentence s, Found f) {
        Optional<Model> column = ctx.tableColumnModel(s.line(), f.start());
        if (column.isPresent()) {
            Optional<Model> other = ctx.tables().headerCells(s.line()).stream()
                    .flatMap(h -> ctx.mentions().inLine(h.line(), h.start(), h.end()).stream()).map(Mention::model)
                    .filter(m -> m != column.get()).findFirst();
            return other.map(o -> new Pair(column.get(), o, true)).orElse(null);
        }
        List<Model> named = new ArrayList<>();
        ctx.mentions().in(s).forEach(m -> {
            if (named.stream().noneMatch(x -> x == m.model())) {
                named.add(m.model());
            }
        });
        if (named.isEmpty()) {
            Optional<Mention> above = ctx.mentions().before(s.line(), f.start(), 3);
            if (above.isEmpty()) {
                return null;
            }
            Model subject = above.get().model();
            return otherThan(ctx, subject).map(o -> new Pair(subject, o, false)).orElse(null);
        }
        Model subject = named.get(0);
        if (named.size() > 1) {
            return new Pair(subject, named.get(1), false);
        }
        return otherThan(ctx, subject).map(o -> new Pair(subject, o, true)).orElse(null);
    }

    private static Optional<Model> otherThan(CheckContext ctx, Model subject) {
        return ctx.mentions().ranked().stream().limit(2).filter(m -> m != subject).findFirst();
    }

    private static String describe(Model a, Model b, BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return a.displayName() + " costs " + times(ratio) + " as much as " + b.displayName();
        }
        return a.displayName() + " is " + percent(BigDecimal.ONE.subtract(ratio)) + " cheaper than " + b.displayName();
    }

    private static String sentence(Model a, Model b, BigDecimal ratio, String kind) {
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return a.displayName() + " costs " + times(ratio) + " as much as " + b.displayName() + " on " + kind + ": " + b.displayName() + " is "
                    + percent(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(ratio, 10, RoundingMode.HALF_EVEN))) + " cheaper.";
        }
        return a.displayName() + " is " + percent(BigDecimal.ONE.subtract(ratio)) + " cheaper than " + b.displayName() + " on " + kind + " ("
                + b.displayName() + " costs " + times(BigDecimal.ONE.divide(ratio, 10, RoundingMode.HALF_EVEN)) + " as much).";
    }

    private static String times(BigDecimal r) {
        return r.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " times";
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
