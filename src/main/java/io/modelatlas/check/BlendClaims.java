package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A "blended" price per 1M tokens. A blend means nothing without its input:output split, so the claim is judged
 * against every usual definition (3:1 and 1:1, with and without every input token read from the cache): right when
 * one of them gives the figure (the claim then says which), wrong when none does.
 */
final class BlendClaims {
    /** Input tokens per output token of the usual blends. */
    private static final int[] SPLITS = {3, 1};

    private BlendClaims() {}

    record Blend(String definition, BigDecimal usdPerMillion) {}

    static List<Blend> blends(PriceSheet sheet) {
        List<Blend> out = new ArrayList<>();
        Optional<TokenRate> in = sheet.rate(PriceKind.INPUT);
        Optional<TokenRate> cached = sheet.rate(PriceKind.CACHED_INPUT);
        Optional<TokenRate> outRate = sheet.rate(PriceKind.OUTPUT);
        if (in.isEmpty() || outRate.isEmpty()) {
            return out;
        }
        for (int split : SPLITS) {
            out.add(new Blend(split + ":1 input:output", blend(in.get(), outRate.get(), split)));
        }
        if (cached.isPresent()) {
            for (int split : SPLITS) {
                out.add(new Blend(split + ":1 input:output, every input token cached", blend(cached.get(), outRate.get(), split)));
            }
        }
        return out;
    }

    private static BigDecimal blend(TokenRate in, TokenRate out, int split) {
        return in.usdPerMillion().multiply(BigDecimal.valueOf(split)).add(out.usdPerMillion())
                .divide(BigDecimal.valueOf(split + 1L), 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static Claim judge(CheckContext ctx, Article.Sentence s, int start, int end, BigDecimal stated, boolean hedged) {
        Optional<Model> subject = ctx.subjectAt(s.line(), start);
        String statedText = "$" + stated.toPlainString() + " per 1M tokens, blended";
        if (subject.isEmpty() || subject.get().primaryOffering().isEmpty()) {
            return Claims.of(ctx, s.line(), start, end, ClaimKind.BLENDED_PRICE, subject.map(List::of).orElse(List.of()), statedText, null,
                    subject.isEmpty() ? Verdict.UNCHECKED : Verdict.UNSOURCED, null, List.of());
        }
        Model m = subject.get();
        Offering o = m.primaryOffering().get();
        List<Blend> blends = blends(o.prices().value());
        if (blends.isEmpty()) {
            return Claims.of(ctx, s.line(), start, end, ClaimKind.BLENDED_PRICE, List.of(m), statedText, null, Verdict.UNSOURCED, null, List.of());
        }
        List<String> shown = new ArrayList<>();
        for (Blend b : blends) {
            shown.add(Format.usd(b.usdPerMillion()) + " (" + b.definition() + ")");
            Verdict v = Figures.compare(stated, b.usdPerMillion(), hedged);
            if (v != null) {
                return Claims.of(ctx, s.line(), start, end, ClaimKind.BLENDED_PRICE, List.of(m), statedText,
                        Format.usd(b.usdPerMillion()) + " blended " + b.definition() + " (" + o.qualifiedId() + ")", v, null, List.of(o.prices().source()));
            }
        }
        String right = m.displayName() + " blends to " + shown.get(0) + "; no usual definition gives " + Format.usd(stated) + ": state the split.";
        return Claims.of(ctx, s.line(), start, end, ClaimKind.BLENDED_PRICE, List.of(m), statedText, String.join(", ", shown), Verdict.WRONG, right,
                List.of(o.prices().source()));
    }
}
