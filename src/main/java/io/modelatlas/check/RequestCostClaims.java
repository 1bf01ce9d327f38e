package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of a request whose token counts the text states ("a request with 1,000 input and 500 output tokens costs
 * $0.0012", "10,000 requests of 2K input tokens and 500 output tokens cost $30 on GPT-4.1"), priced by
 * {@link CostCalculator} at the model's own offering (batch when the sentence says so). Unlike a volume, the split is
 * stated, so a cost outside the text's rounding is wrong.
 */
final class RequestCostClaims {
    private static final String COUNT = "(" + Figures.NUMBER + ")\\s?(k|K|m|M|million|thousand)?";
    private static final Pattern INPUT = Pattern.compile("(?i)(?<![$\\d.,])" + COUNT + "[\\s-]+(?:(cached)\\s+)?(?:input|prompt)(?:\\s+tokens?)?\\b"
            + "|(?<![$\\d.,])" + COUNT + "[\\s-]*tokens?\\s+(?:of\\s+)?(?:(cached)\\s+)?(?:input|prompt)\\b");
    private static final Pattern OUTPUT = Pattern.compile("(?i)(?<![$\\d.,])" + COUNT + "[\\s-]+(?:output|completion|response)(?:\\s+tokens?)?\\b"
            + "|(?<![$\\d.,])" + COUNT + "[\\s-]*tokens?\\s+(?:of\\s+)?(?:output|completion|response)\\b");
    private static final Pattern REQUESTS = Pattern.compile("(?i)(?<![$\\d.,])" + COUNT + "\\s+(?:requests|calls|queries|conversations|messages)\\b");
    private static final Pattern REQUEST_WORD = Pattern.compile("(?i)\\b(?:requests?|calls?|query|queries|conversations?|messages?|prompt)\\b");
    private static final Pattern DOLLARS = Pattern.compile("(?i)\\$\\s?(" + Figures.NUMBER + ")(?![\\d,]|\\.\\d)(?!\\s*(?:per|/|a|for every|for each)\\s*(?:1\\s?[mk]|one|million|thousand|mtok|m\\b|k\\b|image))");

    private RequestCostClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            String line = ctx.article().line(n);
            for (Article.Sentence s : ctx.article().sentences(n)) {
                String text = line.substring(s.start(), s.end());
                if (!REQUEST_WORD.matcher(text).find()) {
                    continue;
                }
                List<long[]> inputs = counts(INPUT, text, true);
                List<long[]> outputs = counts(OUTPUT, text, false);
                Matcher d = DOLLARS.matcher(text);
                if (outputs.size() != 1 || inputs.isEmpty() || inputs.size() > 2 || !d.find()) {
                    continue;
                }
                int start = s.start() + d.start();
                int end = s.start() + d.end();
                long input = 0;
                long cached = 0;
                for (long[] in : inputs) {
                    if (in[1] == 1) {
                        cached += in[0];
                    } else {
                        input += in[0];
                    }
                }
                Matcher r = REQUESTS.matcher(text);
                long requests = r.find() ? Figures.tokenCount(r.group(1), r.group(2)).tokens() : 1;
                boolean batch = text.toLowerCase(java.util.Locale.ROOT).contains("batch");
                String before = line.substring(Math.max(s.start(), start - 20), start);
                out.add(judge(ctx, s, start, end, Figures.number(d.group(1)), input + cached, cached, outputs.get(0)[0], requests, batch,
                        Figures.hedged(before)));
            }
        }
        return out;
    }

    /** Each count and whether it is of cached input. */
    private static List<long[]> counts(Pattern p, String text, boolean cachedGroups) {
        List<long[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            int base = m.group(1) != null ? 1 : cachedGroups ? 4 : 3;
            boolean cached = cachedGroups && m.group(base + 2) != null;
            out.add(new long[] {Figures.tokenCount(m.group(base), m.group(base + 1)).tokens(), cached ? 1 : 0});
        }
        return out;
    }

    private static Claim judge(CheckContext ctx, Article.Sentence s, int start, int end, BigDecimal usd, long input, long cached, long output,
                               long requests, boolean batch, boolean hedged) {
        String usage = (requests == 1 ? "a request" : Format.count(requests) + " requests") + " of " + Format.count(input) + " input"
                + (cached > 0 ? " (" + Format.count(cached) + " cached)" : "") + " and " + Format.count(output) + " output tokens" + (batch ? " (batch)" : "");
        String stated = "$" + usd.toPlainString() + " for " + usage;
        Optional<Model> subject = ctx.subjectAt(s.line(), start);
        if (subject.isEmpty()) {
            return Claims.of(ctx, s.line(), start, end, ClaimKind.REQUEST_COST, List.of(), stated, null, Verdict.UNCHECKED, null, List.of());
        }
        Model m = subject.get();
        Optional<Offering> o = m.primaryOffering();
        if (o.isEmpty()) {
            return Claims.of(ctx, s.line(), start, end, ClaimKind.REQUEST_COST, List.of(m), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        PriceSheet sheet = o.get().prices().value();
        ServiceTier tier = batch ? ServiceTier.BATCH : ServiceTier.STANDARD;
        // "1,000 input tokens, 800 cached": the input count may or may not include the cached ones; either reading may be meant
        List<Usage> readings = new ArrayList<>();
        readings.add(Usage.of(input, cached, output));
        if (cached > 0 && input - cached >= cached) {
            readings.add(Usage.of(input - cached, cached, output));
        }
        List<BigDecimal> actuals = new ArrayList<>();
        try {
            if (cached > 0 && sheet.forTier(tier).flatMap(x -> x.rate(PriceKind.CACHED_INPUT)).isEmpty()) {
                throw new PriceUnknownException("no cached input price is known for " + o.get().qualifiedId());
            }
            for (Usage u : readings) {
                actuals.add(CostCalculator.price(sheet, u, tier).totalUsd().multiply(BigDecimal.valueOf(requests)));
            }
        } catch (PriceUnknownException e) {
            return Claims.of(ctx, s.line(), start, end, ClaimKind.REQUEST_COST, List.of(m), stated, "not priced: " + e.getMessage(), Verdict.UNCHECKED,
                    null, List.of(o.get().prices().source()));
        }
        for (BigDecimal actual : actuals) {
            Verdict v = Figures.compare(usd, actual, hedged);
            if (v != null) {
                return Claims.of(ctx, s.line(), start, end, ClaimKind.REQUEST_COST, List.of(m), stated, shown(actual, o.get()), v, null,
                        List.of(o.get().prices().source()));
            }
        }
        BigDecimal actual = actuals.get(0);
        return Claims.of(ctx, s.line(), start, end, ClaimKind.REQUEST_COST, List.of(m), stated, shown(actual, o.get()),
                actuals.size() > 1 ? Verdict.UNCHECKED : Verdict.WRONG,
                "On " + m.displayName() + ", " + usage + " cost" + (requests == 1 ? "s " : " ") + Format.usd(actual) + ".", List.of(o.get().prices().source()));
    }

    private static String shown(BigDecimal actual, Offering o) {
        return Format.usd(actual) + " (exactly $" + actual.stripTrailingZeros().toPlainString() + ", " + o.qualifiedId() + ")";
    }
}
