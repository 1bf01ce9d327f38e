package io.modelatlas.check;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices per generated image ("$0.011 per image", "$0.04 per high-quality 1024x1024 image", "from $0.005 / image"),
 * judged against the image prices of the model's own offering. The quality and size are those the text names next to
 * the price; a price that names neither is right when it is one of the model's image prices. Wrong only when the text
 * names a quality and size the catalog prices (or the model has a single image price) and the figure is not it
 * within the text's rounding; "from $X" is judged against the cheapest image.
 */
final class ImagePriceClaims {
    private static final String QUALITY = "(low|medium|high|standard|hd)(?:[- ]quality)?";
    private static final String SIZE = "(\\d{3,4})\\s?[x×]\\s?(\\d{3,4})";
    private static final Pattern CLAIM = Pattern.compile("(?i)\\$\\s?(" + Figures.NUMBER + ")(?![\\d,])\\s*(?:per|/|an?|for each|each|for one)\\s*"
            + "(?:" + QUALITY + "[\\s,]+)?(?:" + SIZE + "\\s+)?(?:" + QUALITY + "[\\s,]+)?(?:generated\\s+|output\\s+)?images?\\b"
            + "(?:\\s*\\(?\\s*(?:at\\s+)?(?:" + QUALITY + "\\s*,?\\s*)?(?:" + SIZE + ")?\\)?)?");
    private static final Pattern FROM = Pattern.compile("(?i)\\b(?:from|starting at|starts at|as low as|as little as)\\s*$");

    private ImagePriceClaims() {}

    static List<Claim> find(CheckContext ctx) {
        List<Claim> out = new ArrayList<>();
        for (int n = 1; n <= ctx.article().lineCount(); n++) {
            String line = ctx.article().line(n);
            Matcher m = CLAIM.matcher(line);
            while (m.find()) {
                String quality = first(m, 2, 5, 6);
                String size = m.group(3) != null ? m.group(3) + "x" + m.group(4) : m.group(7) != null ? m.group(7) + "x" + m.group(8) : null;
                String before = line.substring(Math.max(0, m.start() - 20), m.start());
                out.add(judge(ctx, n, m.start(), m.end(), Figures.number(m.group(1)), quality == null ? null : quality.toLowerCase(Locale.ROOT), size,
                        FROM.matcher(before).find(), Figures.hedged(before)));
            }
        }
        return out;
    }

    private static String first(Matcher m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    private static Claim judge(CheckContext ctx, int n, int start, int end, BigDecimal usd, String quality, String size, boolean from, boolean hedged) {
        String stated = (from ? "from " : "") + "$" + usd.toPlainString() + " per " + (quality == null ? "" : quality + "-quality ")
                + (size == null ? "" : size + " ") + "image";
        Optional<Model> subject = ctx.subjectAt(n, start);
        if (subject.isEmpty()) {
            return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(), stated, null, Verdict.UNCHECKED, null, List.of());
        }
        Model m = subject.get();
        Optional<Offering> o = m.primaryOffering();
        PriceSheet sheet = o.map(x -> x.prices().value()).orElse(null);
        if (sheet == null || sheet.images().isEmpty()) {
            return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(m), stated, null, Verdict.UNSOURCED, null, List.of());
        }
        List<ImagePrice> all = sheet.images().stream().sorted(Comparator.comparing(ImagePrice::usdPerImage)).toList();
        List<ImagePrice> named = from ? List.of(all.get(0)) : all.stream().filter(p -> matches(p, quality, size)).toList();
        var source = List.of(o.get().prices().source());
        if (named.isEmpty()) {
            return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(m), stated, "no such image price; " + describe(all, o.get()),
                    Verdict.UNCHECKED, null, source);
        }
        for (ImagePrice p : named) {
            Verdict v = Figures.compare(usd, p.usdPerImage(), hedged);
            if (v != null) {
                return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(m), stated, describe(List.of(p), o.get()), v, null, source);
            }
        }
        boolean definite = named.size() == 1 && (from || all.size() == 1 || quality != null && size != null);
        if (!definite) {
            // "$0.02 per image" of a model with several: another quality or size may be meant, or another model's
            return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(m), stated, describe(named, o.get()), Verdict.UNCHECKED, null, source);
        }
        ImagePrice p = named.get(0);
        return Claims.of(ctx, n, start, end, ClaimKind.IMAGE_PRICE, List.of(m), stated, describe(List.of(p), o.get()), Verdict.WRONG,
                m.displayName() + " costs " + (from ? "from " : "") + Format.usd(p.usdPerImage()) + " per " + label(p) + "image.", source);
    }

    private static boolean matches(ImagePrice p, String quality, String size) {
        return (quality == null || p.quality() == null || p.quality().equalsIgnoreCase(quality))
                && (size == null || p.size() == null || p.size().equalsIgnoreCase(size));
    }

    private static String label(ImagePrice p) {
        return (p.quality() == null ? "" : p.quality() + "-quality ") + (p.size() == null ? "" : p.size() + " ");
    }

    private static String describe(List<ImagePrice> prices, Offering o) {
        List<String> parts = new ArrayList<>();
        for (ImagePrice p : prices) {
            parts.add(Format.usd(p.usdPerImage()) + " per " + label(p) + "image");
        }
        return String.join(", ", parts) + " (" + o.qualifiedId() + ")";
    }
}
