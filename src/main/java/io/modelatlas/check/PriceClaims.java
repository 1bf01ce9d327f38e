package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices per 1M or 1K tokens ("$0.40 per million input tokens", "$2 / 1M tokens" in a table's "Input price" row,
 * "$1.60/MTok"), judged against the price of the model's own offering (the one its pages show). A price whose kind
 * (input, output, cached) the text does not make clear is right when it is one of the model's rates, else unchecked.
 */
final class PriceClaims {
    private static final Pattern DOLLARS = Pattern.compile("\\$\\s?(" + Figures.NUMBER + ")(?![\\d,])");
    private static final Pattern UNIT = Pattern.compile("(?i)^\\s*(?:(input|output|cached input)\\s+)?(?:tokens?\\s+)?(?:/|per|a|for every|for each)\\s*(?:(?:1|one)\\s?(m|million|k|thousand)\\b|(million|thousand)\\b|(mtok|m|k)\\b)(?:\\s+(input|output|cached input|cached))?(?:\\s+tokens?)?(?:\\s+(input|output))?");
    private static final Pattern CONNECTOR = Pattern.compile("(?i)^\\s*(?:input|output)?\\s*(?:tokens?)?\\s*(?:[,;]\\s*)?(?:vs\\.?|versus|compared (?:to|with)|against|/|and|to|or|,|-|–)\\s*$");
    private static final Pattern KIND_BEFORE = Pattern.compile("(?i)(cached input|cache reads?|cached|prompt caching|input|output|prompt|completion)\\s*(?:price|cost|tokens?|rate)?\\s*(?:is|are|of|at|:|drops to|falls to|costs?|=|price|for)?\\s*$");
    private static final Pattern KIND_AFTER = Pattern.compile("(?i)^\\s*(cached input|input|output)\\b");
    private static final Pattern CACHING = Pattern.compile("(?i)\\b(?:prompt caching|with caching|cached|cache hits?|cache reads?)\\b");
    private static final Pattern BLENDED = Pattern.compile("(?i)\\bblend(?:ed)?\\b");

    private PriceClaims() {}

    /** One "$N" with what the text around it says. */
    private record Price(int start, int end, BigDecimal usd, boolean perThousand, boolean perToken, PriceKind kind) {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            for (Article.Sentence s : ctx.article().sentences(n)) {
                List<Price> prices = prices(ctx, s);
                for (int i = 0; i < prices.size(); i++) {
                    Price p = prices.get(i);
                    if (p.perToken()) {
                        boolean blended = BLENDED.matcher(ctx.article().line(n).substring(s.start(), s.end())).find();
                        out.add(blended ? BlendClaims.judge(ctx, s, p.start(), p.end(), p.usd(), hedgedAt(ctx, s, p))
                                : judge(ctx, s, p, i, prices));
                    }
                }
            }
        }
        return out;
    }

    private static boolean hedgedAt(CheckContext ctx, Article.Sentence s, Price p) {
        return Figures.hedged(ctx.article().line(s.line()).substring(Math.max(s.start(), p.start() - 20), p.start()));
    }

    private static List<Price> prices(CheckContext ctx, Article.Sentence s) {
        String line = ctx.article().line(s.line());
        String text = line.substring(s.start(), s.end());
        Matcher m = DOLLARS.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {s.start() + m.start(), s.start() + m.end()});
            values.add(Figures.number(m.group(1)));
        }
        List<Price> raw = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            int limit = i + 1 < spans.size() ? spans.get(i + 1)[0] : s.end();
            String after = line.substring(end, Math.min(limit, end + 60));
            Matcher unit = UNIT.matcher(after);
            boolean perToken = unit.find();
            boolean perThousand = false;
            PriceKind kind = null;
            if (perToken) {
                String u = (unit.group(2) != null ? unit.group(2) : unit.group(3) != null ? unit.group(3) : unit.group(4)).toLowerCase(Locale.ROOT);
                perThousand = u.equals("k") || u.equals("thousand");
                kind = kind(unit.group(1) != null ? unit.group(1) : unit.group(5) != null ? unit.group(5) : unit.group(6));
                end = end + unit.end();
            } else {
                Matcher k = KIND_AFTER.matcher(after);
                if (k.find()) {
                    kind = kind(k.group(1));
                }
            }
            if (kind == null) {
                Matcher before = KIND_BEFORE.matcher(line.substring(Math.max(s.start(), start - 30), start));
                if (before.find()) {
                    kind = kind(before.group(1));
                }
            }
            raw.add(new Price(start, end, values.get(i), perThousand, perToken, kind));
        }
        return shareUnits(line, raw, ctx, s);
    }

    /** "$0.4 vs $2 per million": prices joined by "vs", "/" or "and" share the unit one of them carries. */
    private static List<Price> shareUnits(String line, List<Price> raw, CheckContext ctx, Article.Sentence s) {
        List<Price> out = new ArrayList<>(raw);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i + 1 < out.size(); i++) {
                Price a = out.get(i);
                Price b = out.get(i + 1);
                if (a.end() <= b.start() && CONNECTOR.matcher(line.substring(a.end(), b.start())).matches() && a.perToken() != b.perToken()) {
                    Price unitOf = a.perToken() ? a : b;
                    out.set(i, new Price(a.start(), a.end(), a.usd(), unitOf.perThousand(), true, a.kind()));
                    out.set(i + 1, new Price(b.start(), b.end(), b.usd(), unitOf.perThousand(), true, b.kind()));
                }
            }
        }
        // "$2 / $8": an input and output pair by convention, when the text names neither
        for (int i = 0; i + 1 < out.size(); i++) {
            Price a = out.get(i);
            Price b = out.get(i + 1);
            if (a.kind() == null && b.kind() == null && a.perToken() && b.perToken() && a.end() <= b.start()
                    && line.substring(a.end(), b.start()).strip().equals("/")) {
                out.set(i, new Price(a.start(), a.end(), a.usd(), a.perThousand(), true, PriceKind.INPUT));
                out.set(i + 1, new Price(b.start(), b.end(), b.usd(), b.perThousand(), true, PriceKind.OUTPUT));
            }
        }
        // a table row says what its prices are ("Input price"); a sentence that names one kind only says it for all
        String label = ctx.tables().cellAt(s.line(), out.isEmpty() ? 0 : out.get(0).start()).isPresent() ? ctx.tables().rowLabel(s.line()) : line.substring(s.start(), s.end());
        PriceKind only = onlyKind(label);
        if (only != null) {
            out.replaceAll(p -> p.kind() == null ? new Price(p.start(), p.end(), p.usd(), p.perThousand(), p.perToken(), only) : p);
        }
        // "with prompt caching, input drops to $0.10": the input the sentence speaks of is cached input
        if (CACHING.matcher(line.substring(s.start(), s.end())).find() && out.stream().noneMatch(p -> p.kind() == PriceKind.CACHED_INPUT)) {
            out.replaceAll(p -> p.kind() == PriceKind.INPUT && !line.substring(p.start(), p.end()).toLowerCase(Locale.ROOT).contains("input")
                    ? new Price(p.start(), p.end(), p.usd(), p.perThousand(), p.perToken(), PriceKind.CACHED_INPUT) : p);
        }
        return out;
    }

    private static PriceKind onlyKind(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean cached = t.contains("cached") || t.contains("caching") || t.contains("cache read");
        boolean input = t.contains("input");
        boolean output = t.contains("output");
        if (cached && !output) {
            return PriceKind.CACHED_INPUT;
        }
        if (input && !output) {
            return PriceKind.INPUT;
        }
        return output && !input ? PriceKind.OUTPUT : null;
    }

    private static PriceKind kind(String word) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.contains("cache")) {
            return PriceKind.CACHED_INPUT;
        }
        return w.equals("output") || w.equals("completion") ? PriceKind.OUTPUT : w.equals("input") || w.equals("prompt") ? PriceKind.INPUT : null;
    }

    private static Claim judge(CheckContext ctx, Article.Sentence s, Price p, int index, List<Price> all) {
        String line = ctx.article().line(s.line());
        BigDecimal perMillion = p.perThousand() ? p.usd().movePointRight(3) : p.usd();
        boolean batch = line.substring(s.start(), s.end()).toLowerCase(Locale.ROOT).contains("batch");
        Optional<Model> forModel = forModel(ctx, s, p);
        Optional<Model> subject = forModel.isPresent() ? forModel : ctx.subjectAt(s.line(), p.start());
        boolean structural = forModel.isPresent() || ctx.tables().cellAt(s.line(), p.start()).isPresent();
        List<Model> candidates = structural ? subject.map(List::of).orElse(List.of()) : ctx.candidates(subject.orElse(null), s);
        String stated = "$" + p.usd().toPlainString() + " per " + (p.perThousand() ? "1K" : "1M") + (p.kind() == null ? "" : " " + p.kind().label())
                + (batch ? " (batch)" : "") + " tokens";
        if (candidates.isEmpty()) {
            return Claims.of(ctx, s.line(), p.start(), p.end(), ClaimKind.PRICE, List.of(), stated, null, Verdict.UNCHECKED, null, List.of());
        }
        List<PriceKind> kinds = p.kind() == null ? List.of(PriceKind.INPUT, PriceKind.OUTPUT, PriceKind.CACHED_INPUT) : List.of(p.kind());
        boolean hedged = hedgedAt(ctx, s, p);
        for (Model m : candidates) {
            Optional<Offering> o = m.primaryOffering();
            if (o.isEmpty()) {
                continue;
            }
            PriceSheet sheet = batch ? o.get().prices().value().forTier(ServiceTier.BATCH).orElse(null) : o.get().prices().value();
            for (PriceKind k : kinds) {
                Optional<TokenRate> r = sheet == null ? Optional.empty() : sheet.rate(k);
                Verdict v = r.map(rate -> Figures.compare(perMillion, rate.usdPerMillion(), hedged)).orElse(null);
                if (v != null) {
                    return Claims.of(ctx, s.line(), p.start(), p.end(), ClaimKind.PRICE, List.of(m), stated,
                            Format.usd(r.get().usdPerMillion()) + " per 1M " + k.label() + " tokens (" + o.get().qualifiedId() + ")", v, null,
                            List.of(o.get().prices().source()));
                }
            }
        }
        Model m = candidates.get(0);
        Optional<Offering> o = m.primaryOffering();
        if (o.isEmpty()) {
            return Claims.of(ctx, s.line(), p.start(), p.end(), ClaimKind.PRICE, List.of(m), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        PriceSheet sheet = batch ? o.get().prices().value().forTier(ServiceTier.BATCH).orElse(null) : o.get().prices().value();
        if (p.kind() == null || sheet == null || sheet.rate(p.kind()).isEmpty() || matchesAnyRate(candidates, perMillion)) {
            // the figure may be another kind, tier or model's price: not enough to call it wrong
            return Claims.of(ctx, s.line(), p.start(), p.end(), ClaimKind.PRICE, List.of(m), stated, describe(sheet, o.get()) + (batch ? " (batch)" : ""), Verdict.UNCHECKED, null,
                    List.of(o.get().prices().source()));
        }
        TokenRate actual = sheet.rate(p.kind()).get();
        String right = m.displayName() + " costs " + Format.usd(actual.usdPerMillion()) + " per 1M " + p.kind().label() + " tokens"
                + (batch ? " (batch)" : "") + ".";
        return Claims.of(ctx, s.line(), p.start(), p.end(), ClaimKind.PRICE, List.of(m), stated,
                Format.usd(actual.usdPerMillion()) + " per 1M " + p.kind().label() + " tokens (" + o.get().qualifiedId() + ")", Verdict.WRONG, right,
                List.of(o.get().prices().source()));
    }

    /** "$2 / $8 for GPT-4.1": the model named right after the prices. */
    private static Optional<Model> forModel(CheckContext ctx, Article.Sentence s, Price p) {
        String line = ctx.article().line(s.line());
        int at = p.end();
        Matcher m = Pattern.compile("^(?:\\s*/\\s*\\$\\s?[\\d.,]+)?\\s+(?:for|on|with)\\s+").matcher(line.substring(at, s.end()));
        if (!m.find()) {
            return Optional.empty();
        }
        int from = at + m.end();
        return ctx.mentions().inLine(s.line(), from, from + 1).stream().findFirst().map(Mention::model);
    }

    private static boolean matchesAnyRate(List<Model> models, BigDecimal perMillion) {
        for (Model m : models) {
            for (Offering o : m.offerings()) {
                if (o.priceKnown() && o.prices().value().rates().values().stream().anyMatch(r -> r.usdPerMillion().compareTo(perMillion) == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(PriceSheet sheet, Offering o) {
        if (sheet == null) {
            return "no such price for " + o.qualifiedId();
        }
        List<String> parts = new ArrayList<>();
        for (PriceKind k : List.of(PriceKind.INPUT, PriceKind.CACHED_INPUT, PriceKind.OUTPUT)) {
            sheet.rate(k).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " " + k.label()));
        }
        return String.join(", ", parts) + " per 1M tokens (" + o.qualifiedId() + ")";
    }
}
