package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Costs of a token volume ("At 1M tokens/mo / GPT-4.1: $5", a cost table's "100 Million | $150 | $30" row, "at
 * 100M tokens, Mini saves you $400"). A volume's cost depends on its input:output split, which articles rarely
 * state: the claim is right when a usual split (1:1 or 3:1) gives it, and says which; unchecked when only some
 * other split does; wrong when no split at all does (the cost lies outside all-input..all-output).
 */
final class VolumeClaims {
    private static final String VOLUME = "(" + Figures.NUMBER + ")\\s?(k|m|b|million|billion|thousand)\\b";
    private static final Pattern HEADING = Pattern.compile("(?i)\\bat\\s+" + VOLUME + "\\s*tokens?");
    private static final Pattern CELL_VOLUME = Pattern.compile("(?i)^\\s*" + VOLUME + "(?:\\s*tokens?)?\\s*$");
    private static final Pattern MODEL_COST = Pattern.compile("^\\s*(.+?)\\s*:\\s*\\$\\s?(" + Figures.NUMBER + ")\\s*$");
    private static final Pattern DOLLARS = Pattern.compile("\\$\\s?(" + Figures.NUMBER + ")(?![\\d,])");
    private static final Pattern SAVES = Pattern.compile("(?i)\\bsaves?\\s+(?:you\\s+)?(?:about\\s+|roughly\\s+)?\\$\\s?(" + Figures.NUMBER + ")");
    private static final Pattern FOR_MODEL = Pattern.compile("^\\s+(?:for|on|with)\\s+");
    /** Input tokens per output token of the splits a cost is judged right under. */
    private static final int[][] SPLITS = {{1, 1}, {3, 1}};

    private VolumeClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        Article a = ctx.article();
        for (int n = 1; n <= a.lineCount(); n++) {
            out.addAll(modelColonCost(ctx, n));
            out.addAll(tableCosts(ctx, n));
            out.addAll(prose(ctx, n));
        }
        return out;
    }

    /** "GPT-4.1: $5" under an "At 1M tokens/mo" heading in the four lines above. */
    private static List<Claim> modelColonCost(CheckContext ctx, int n) {
        Matcher m = MODEL_COST.matcher(ctx.article().line(n));
        if (!m.matches()) {
            return List.of();
        }
        List<Mention> named = ctx.mentions().inLine(n, m.start(1), m.end(1));
        BigDecimal volume = null;
        for (int k = n - 1; k >= Math.max(1, n - 4) && volume == null; k--) {
            Matcher h = HEADING.matcher(ctx.article().line(k));
            if (h.find()) {
                volume = volume(h.group(1), h.group(2));
            }
        }
        if (named.size() != 1 || volume == null) {
            return List.of();
        }
        int start = m.start(2) - 1;
        return List.of(judgeCost(ctx, n, start, m.end(2), named.get(0).model(), volume, Figures.number(m.group(2)), false));
    }

    /** A table with a token volume column and cost columns headed by a model ("Projected Monthly Cost (4o-mini)"). */
    private static List<Claim> tableCosts(CheckContext ctx, int n) {
        List<Tables.Cell> header = ctx.tables().headerCells(n);
        if (header.isEmpty()) {
            return List.of();
        }
        List<Tables.Cell> cells = ctx.tables().cells(n);
        BigDecimal volume = null;
        for (Tables.Cell c : cells) {
            Matcher v = CELL_VOLUME.matcher(c.text());
            if (v.matches() && c.index() < header.size() && header.get(c.index()).text().toLowerCase(Locale.ROOT).contains("token")) {
                volume = volume(v.group(1), v.group(2));
            }
        }
        if (volume == null) {
            return List.of();
        }
        List<Claim> out = new ArrayList<>();
        for (Tables.Cell c : cells) {
            if (c.index() >= header.size()) {
                continue;
            }
            Tables.Cell h = header.get(c.index());
            String title = h.text().toLowerCase(Locale.ROOT);
            List<Mention> named = ctx.mentions().inLine(h.line(), h.start(), h.end());
            Matcher d = DOLLARS.matcher(c.text());
            if (named.size() != 1 || !title.matches(".*\\b(cost|price|spend|bill|savings?)\\b.*") || !d.find()) {
                continue;
            }
            int start = ctx.article().line(n).indexOf(d.group(), c.start());
            out.add(judgeCost(ctx, n, start, start + d.group().length(), named.get(0).model(), volume, Figures.number(d.group(1)),
                    title.contains("saving")));
        }
        return out;
    }

    /** "At 1M tokens per month, you're paying roughly $5 for GPT-4.1" and "at 100M tokens, Mini saves you $400". */
    private static List<Claim> prose(CheckContext ctx, int n) {
        List<Claim> out = new ArrayList<>();
        String line = ctx.article().line(n);
        if (ctx.tables().headerCells(n).size() > 0 || MODEL_COST.matcher(line).matches()) {
            return out;
        }
        for (Article.Sentence s : ctx.article().sentences(n)) {
            String text = line.substring(s.start(), s.end());
            Matcher h = HEADING.matcher(text);
            if (!h.find()) {
                continue;
            }
            BigDecimal volume = volume(h.group(1), h.group(2));
            Matcher d = DOLLARS.matcher(text);
            while (d.find()) {
                int start = s.start() + d.start();
                int end = s.start() + d.end();
                Matcher f = FOR_MODEL.matcher(line.substring(end, s.end()));
                if (f.find()) {
                    int at = end + f.end();
                    Optional<Mention> model = ctx.mentions().inLine(n, at, at + 1).stream().findFirst();
                    boolean hedged = Figures.hedged(line.substring(Math.max(s.start(), start - 20), start));
                    model.ifPresent(m -> out.add(judgeCost(ctx, n, start, end, m.model(), volume, Figures.number(d.group(1)), false, hedged)));
                }
            }
            Matcher sv = SAVES.matcher(text);
            while (sv.find()) {
                int start = s.start() + sv.start(1) - 1;
                Optional<Mention> subject = ctx.mentions().in(s).stream().filter(m -> m.start() < start).reduce((x, y) -> y);
                if (subject.isPresent()) {
                    out.add(judgeCost(ctx, n, start, s.start() + sv.end(1), subject.get().model(), volume, Figures.number(sv.group(1)), true));
                }
            }
        }
        return out;
    }

    private static BigDecimal volume(String number, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        long factor = u.startsWith("k") || u.startsWith("t") ? 1_000L : u.startsWith("b") ? 1_000_000_000L : 1_000_000L;
        return Figures.number(number).multiply(BigDecimal.valueOf(factor));
    }

    private static Claim judgeCost(CheckContext ctx, int line, int start, int end, Model model, BigDecimal volume, BigDecimal stated, boolean savings) {
        return judgeCost(ctx, line, start, end, model, volume, stated, savings, false);
    }

    /**
     * The stated cost (or, for savings, what the model saves against the article's other main model) at each split.
     * Costs are linear in the input share, so all-input and all-output bound every split.
     */
    private static Claim judgeCost(CheckContext ctx, int line, int start, int end, Model model, BigDecimal volume, BigDecimal stated,
                                   boolean savings, boolean hedged) {
        String volumeText = Format.count(volume.longValue()) + " tokens";
        String statedText = "$" + stated.toPlainString() + (savings ? " saved" : "") + " at " + volumeText;
        Optional<Model> other = savings ? ctx.mentions().ranked().stream().limit(2).filter(m -> m != model).findFirst() : Optional.empty();
        Optional<Offering> o = model.primaryOffering();
        if (o.isEmpty() || savings && (other.isEmpty() || other.get().primaryOffering().isEmpty())) {
            return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, List.of(model), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        Rates mine = Rates.of(o.get().prices().value());
        Rates theirs = savings ? Rates.of(other.get().primaryOffering().get().prices().value()) : null;
        if (mine == null || savings && theirs == null) {
            return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, List.of(model), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        // what the claim computes per token at an input share p: cost, or the other's cost minus this one's
        BigDecimal in = savings ? theirs.in().subtract(mine.in()) : mine.in();
        BigDecimal out = savings ? theirs.out().subtract(mine.out()) : mine.out();
        List<Model> models = savings ? List.of(model, other.get()) : List.of(model);
        List<io.modelatlas.catalog.Provenance> sources = savings ? List.of(o.get().prices().source(), other.get().primaryOffering().get().prices().source())
                : List.of(o.get().prices().source());
        List<String> shown = new ArrayList<>();
        for (int[] split : SPLITS) {
            BigDecimal value = at(volume, in, out, split[0], split[1]);
            String label = Format.usd(value) + " at a " + split[0] + ":" + split[1] + " input:output split";
            shown.add(label);
            Verdict v = Figures.compare(stated, value, hedged);
            if (v != null) {
                return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, models, statedText, label, v, null, sources);
            }
        }
        BigDecimal allIn = at(volume, in, out, 1, 0);
        BigDecimal allOut = at(volume, in, out, 0, 1);
        BigDecimal low = allIn.min(allOut);
        BigDecimal high = allIn.max(allOut);
        String what = model.displayName() + (savings ? " saves " : " costs ");
        String versus = savings ? " against " + other.get().displayName() : "";
        if (savings && allIn.signum() < 0 && allOut.signum() < 0) {
            // nothing saved at any split: the other model is the cheaper one
            String right = "At " + volumeText + ", " + model.displayName() + " costs more than " + other.get().displayName() + ", not less: "
                    + Format.usd(at(volume, in, out, 1, 1).negate()) + " more at a 1:1 input:output split.";
            return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, models, statedText, String.join("; ", shown), Verdict.WRONG, right, sources);
        }
        if (stated.compareTo(low) >= 0 && stated.compareTo(high) <= 0 && in.compareTo(out) != 0) {
            // true at exactly one input share: say which, and leave it unchecked, since the text does not state it
            BigDecimal share = stated.subtract(allOut).divide(allIn.subtract(allOut), 4, RoundingMode.HALF_UP);
            return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, models, statedText,
                    String.join("; ", shown) + "; true only if " + share.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the tokens are input",
                    Verdict.UNCHECKED, null, sources);
        }
        String right = "At " + volumeText + ", " + what + shown.get(0) + versus + " (" + shown.get(1) + "); no split gives $" + stated.toPlainString()
                + " (all input: " + Format.usd(allIn) + ", all output: " + Format.usd(allOut) + ").";
        return Claims.of(ctx, line, start, end, ClaimKind.VOLUME_COST, models, statedText, String.join("; ", shown), Verdict.WRONG, right, sources);
    }

    private static BigDecimal at(BigDecimal volume, BigDecimal in, BigDecimal out, int inParts, int outParts) {
        BigDecimal parts = BigDecimal.valueOf(inParts + outParts);
        BigDecimal perToken = in.multiply(BigDecimal.valueOf(inParts)).add(out.multiply(BigDecimal.valueOf(outParts)))
                .divide(parts, 12, RoundingMode.HALF_EVEN);
        return perToken.multiply(volume).movePointLeft(6).stripTrailingZeros();
    }

    /** Input and output price per 1M tokens. */
    private record Rates(BigDecimal in, BigDecimal out) {
        static Rates of(PriceSheet sheet) {
            return sheet.rate(PriceKind.INPUT).isPresent() && sheet.rate(PriceKind.OUTPUT).isPresent()
                    ? new Rates(sheet.rate(PriceKind.INPUT).get().usdPerMillion(), sheet.rate(PriceKind.OUTPUT).get().usdPerMillion()) : null;
        }
    }
}
