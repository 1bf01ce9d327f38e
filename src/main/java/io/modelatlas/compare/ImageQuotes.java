package io.modelatlas.compare;

import io.modelatlas.catalog.Model;
import io.modelatlas.compare.ImageCosts.PriceRow;
import io.modelatlas.compare.ImageCosts.Variant;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-image prices of two or more image models side by side: who is cheaper at the qualities and sizes all of
 * them sell, and by how much. The price difference, the recommendation and the "which is cheaper" answer all read
 * their words from here, so they state the same figures. Token prices never enter: these models are priced per image.
 *
 * @param models the compared models priced per image, in the comparison's order
 * @param shared the qualities and sizes every one of them prices, cheap to dear (each row has a price per model)
 * @param rows   every quality and size any of them prices, prices null where a model does not sell it
 */
public record ImageQuotes(List<Model> models, List<PriceRow> shared, List<PriceRow> rows) {
    public ImageQuotes {
        models = List.copyOf(models);
        shared = List.copyOf(shared);
        rows = List.copyOf(rows);
    }

    /** True when the model sells images at a flat price per image (its token prices then only bill the prompt). */
    static boolean perImage(Model m) {
        return m.prices().map(s -> !s.images().isEmpty()).orElse(false);
    }

    /** The per-image quotes of the models priced per image, when there are two or more of them. */
    static Optional<ImageQuotes> of(List<Model> models) {
        List<Model> priced = models.stream().filter(ImageQuotes::perImage).toList();
        if (priced.size() < 2) {
            return Optional.empty();
        }
        List<PriceRow> rows = ImageCosts.of(priced).orElseThrow().prices();
        List<PriceRow> shared = rows.stream().filter(r -> r.usdPerImage().stream().allMatch(Objects::nonNull)).toList();
        return Optional.of(new ImageQuotes(priced, shared, rows));
    }

    /** The model no dearer than any other at every shared quality and size, and cheaper at one at least; else empty. */
    Optional<Model> cheapestThroughout() {
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < models.size(); i++) {
            int m = i;
            boolean neverDearer = shared.stream().allMatch(r -> r.usdPerImage().get(m).compareTo(min(r)) == 0);
            boolean sometimesCheaper = shared.stream().anyMatch(r -> r.usdPerImage().stream().anyMatch(x -> x.compareTo(r.usdPerImage().get(m)) > 0));
            if (neverDearer && sometimesCheaper) {
                return Optional.of(models.get(i));
            }
        }
        return Optional.empty();
    }

    /** True when every model charges the same at every shared quality and size. */
    boolean allSame() {
        return !shared.isEmpty() && shared.stream().allMatch(r -> r.usdPerImage().stream().allMatch(x -> x.compareTo(min(r)) == 0));
    }

    /** The shared quality and size with the lowest price on offer (the first in table order on a tie). */
    PriceRow lowest() {
        PriceRow best = shared.get(0);
        for (PriceRow r : shared) {
            if (min(r).compareTo(min(best)) < 0) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The prices in words. Cheapest throughout: "A costs $0.005 per low-quality 1024x1024 image, B $0.011: 2.2 times
     * as much. A is cheaper at all 6 qualities and sizes both price; B costs 2.2 to 4.2 times as much." Then the
     * qualities and sizes only one sells, from which price.
     */
    String sentence() {
        return priceText() + onlyOne();
    }

    /** The comparison without what only one model sells: for a recommendation, whose job is the price. */
    String priceText() {
        String text;
        Optional<Model> cheapest = cheapestThroughout();
        if (shared.isEmpty()) {
            text = (models.size() == 2 ? "They price no quality and size in common: " : "No quality and size is priced by all " + models.size() + ": ") + String.join(", ", models.stream().map(m -> m.displayName() + " from " + cheapestOwn(m)).toList()) + ".";
        } else if (allSame()) {
            text = (models.size() == 2 ? "Both" : "All " + models.size()) + " cost the same per image: " + Format.usd(min(lowest())) + " per "
                    + words(lowest().variant()) + (shared.size() > 1 ? ", and the same at each of the " + shared.size() + " qualities and sizes " + both() + " price." : ".");
        } else if (cheapest.isPresent()) {
            text = atLowest(cheapest.get()) + (shared.size() > 1 ? " " + cheapest.get().displayName() + " is cheaper at all " + shared.size()
                    + " qualities and sizes " + both() + " price; " + multiples(cheapest.get()) + "." : "");
        } else {
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                int m = i;
                long n = shared.stream().filter(r -> r.usdPerImage().get(m).compareTo(min(r)) == 0 && !same(r)).count();
                if (n > 0) {
                    counts.add(models.get(i).displayName() + (counts.isEmpty() ? (models.size() == 2 ? " is cheaper at " : " is cheapest at ") + n + " of the " + shared.size() + " qualities and sizes " + both() + " price" : " at " + n));
                }
            }
            text = (models.size() == 2 ? "Neither" : "None") + " is cheaper per image throughout: " + String.join(", ", counts)
                    + ". At the cheapest, " + words(lowest().variant()) + ": " + String.join(", ", pricesAt(lowest())) + ".";
        }
        return text;
    }

    /** "A costs $0.005 per low-quality 1024x1024 image, B $0.011: 2.2 times as much." */
    String atLowest(Model cheapest) {
        PriceRow low = lowest();
        int c = models.indexOf(cheapest);
        BigDecimal cheap = low.usdPerImage().get(c);
        StringBuilder s = new StringBuilder(cheapest.displayName()).append(cheap.signum() == 0 ? " is free" : " costs " + Format.usd(cheap)).append(" per ").append(words(low.variant()));
        for (int i = 0; i < models.size(); i++) {
            if (i != c) {
                BigDecimal other = low.usdPerImage().get(i);
                s.append(", ").append(models.get(i).displayName()).append(' ').append(Format.usd(other));
                if (cheap.signum() > 0 && other.compareTo(cheap) != 0) {
                    s.append(": ").append(Format.ratio(ratio(other, cheap))).append(" times as much");
                }
            }
        }
        return s.append('.').toString();
    }

    /** "B costs 2.2 to 4.2 times as much", over the shared qualities and sizes where the cheapest is not free. */
    private String multiples(Model cheapest) {
        int c = models.indexOf(cheapest);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            int m = i;
            List<BigDecimal> r = shared.stream().filter(row -> row.usdPerImage().get(c).signum() > 0)
                    .map(row -> ratio(row.usdPerImage().get(m), row.usdPerImage().get(c))).toList();
            if (i == c || r.isEmpty()) {
                continue;
            }
            String lo = Format.ratio(r.stream().min(BigDecimal::compareTo).get());
            String hi = Format.ratio(r.stream().max(BigDecimal::compareTo).get());
            parts.add(models.get(i).displayName() + " costs " + (lo.equals(hi) ? lo : lo + " to " + hi) + " times as much");
        }
        return parts.isEmpty() ? cheapest.displayName() + " is free at every one of them" : String.join(", ", parts);
    }

    /** " Only A sells 3 more qualities and sizes, from $0.167 per high-quality 1024x1024 image." for each such model. */
    private String onlyOne() {
        if (shared.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Model model : models) {
            onlyBy(model).ifPresent(t -> s.append(' ').append(t));
        }
        return s.toString();
    }

    /** "Only A sells 3 more qualities and sizes, from $0.167 per high-quality 1024x1024 image.", or empty. */
    Optional<String> onlyBy(Model model) {
        int m = models.indexOf(model);
        List<PriceRow> own = rows.stream().filter(r -> r.usdPerImage().get(m) != null && r.usdPerImage().stream().filter(Objects::nonNull).count() == 1).toList();
        if (shared.isEmpty() || own.isEmpty()) {
            return Optional.empty();
        }
        PriceRow cheapest = own.stream().min((a, b) -> a.usdPerImage().get(m).compareTo(b.usdPerImage().get(m))).get();
        return Optional.of("Only " + model.displayName() + " sells " + (own.size() == 1 ? "one more quality and size, at " : own.size() + " more qualities and sizes, from ")
                + Format.usd(cheapest.usdPerImage().get(m)) + " per " + words(cheapest.variant()) + ".");
    }

    private List<String> pricesAt(PriceRow r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            out.add(models.get(i).displayName() + " " + Format.usd(r.usdPerImage().get(i)));
        }
        return out;
    }

    /** "from $0.005 per low-quality 1024x1024 image": a model's own cheapest image. */
    private String cheapestOwn(Model m) {
        return cheapestImage(m).orElse("no price");
    }

    private String both() {
        return models.size() == 2 ? "both" : "all " + models.size();
    }

    /** "$0.005 per low-quality 1024x1024 image": the model's cheapest image and what it is, or empty. */
    static Optional<String> cheapestImage(Model m) {
        return m.prices().flatMap(PriceSheet::cheapestImage).map(p -> Format.usd(p.usdPerImage()) + " per " + words(new Variant(p.quality(), p.size())));
    }

    /**
     * How the model is priced, in its own unit: "per token ($0.40 input / $1.60 output per million tokens)" or
     * "per image (from $0.005 per low-quality 1024x1024 image)"; empty when no price is known.
     */
    static Optional<String> pricedAs(Model m) {
        if (perImage(m)) {
            return cheapestImage(m).map(s -> "per image (from " + s + ")");
        }
        List<String> parts = new ArrayList<>();
        m.prices().flatMap(s -> s.rate(PriceKind.INPUT)).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " input"));
        m.prices().flatMap(s -> s.rate(PriceKind.OUTPUT)).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " output"));
        return parts.isEmpty() ? Optional.empty() : Optional.of("per token (" + String.join(" / ", parts) + " per million tokens)");
    }

    /** "low-quality 1024x1024 image", "1024x1024 image" (price independent of quality), "image". */
    static String words(Variant v) {
        return (v.quality() == null ? "" : v.quality() + "-quality ") + (v.size() == null ? "" : v.size() + " ") + "image";
    }

    private static boolean same(PriceRow r) {
        return r.usdPerImage().stream().allMatch(x -> x.compareTo(min(r)) == 0);
    }

    private static BigDecimal min(PriceRow r) {
        return r.usdPerImage().stream().filter(Objects::nonNull).min(BigDecimal::compareTo).orElseThrow();
    }

    /** dearer / cheaper, exact to 10 places; shown through {@link Format#ratio}, which rounds once. */
    static BigDecimal ratio(BigDecimal dearer, BigDecimal cheaper) {
        return dearer.divide(cheaper, 10, RoundingMode.HALF_EVEN);
    }
}
