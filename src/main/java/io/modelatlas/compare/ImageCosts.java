package io.modelatlas.compare;

import io.modelatlas.catalog.Model;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What images cost on each compared model: a price per image at every quality and size any of them prices, and the
 * monthly cost of {@link #VOLUMES} images at each. Image models are priced per image, so token tables say nothing
 * about them. Per-model lists follow the comparison's models; null is unknown, never $0: {@code imageModel} says
 * whether the model prices images at all ("not an image model"), a null price on an image model means it does not
 * sell that quality and size.
 */
public record ImageCosts(List<Boolean> imageModel, List<PriceRow> prices, List<MonthRow> monthly) {
    /** Images a month of the monthly table: a hobby app, a product feature, a busy product. */
    public static final List<Long> VOLUMES = List.of(1_000L, 10_000L, 100_000L);

    public ImageCosts {
        imageModel = List.copyOf(imageModel);
        prices = List.copyOf(prices);
        monthly = List.copyOf(monthly);
    }

    /** One quality and size; either null when no compared model's price depends on it. */
    public record Variant(String quality, String size) {
        public String label() {
            return (quality == null ? "any quality" : quality) + ", " + (size == null ? "any size" : size);
        }
    }

    /** The price of one image of a variant on each model, and the cheapest (null unless two are known and differ). */
    public record PriceRow(Variant variant, List<BigDecimal> usdPerImage, String cheapestModelId) {
        public PriceRow {
            usdPerImage = java.util.Collections.unmodifiableList(new ArrayList<>(usdPerImage));
        }
    }

    /** The cost of {@code imagesPerMonth} images of a variant on each model; {@code saving} is the most minus the least. */
    public record MonthRow(Variant variant, long imagesPerMonth, List<BigDecimal> usd, String cheapestModelId, BigDecimal saving) {
        public MonthRow {
            usd = java.util.Collections.unmodifiableList(new ArrayList<>(usd));
        }
    }

    /** Said for a model that prices no images. */
    public static final String NOT_IMAGE_MODEL = "not an image model";
    /** Said for an image model that does not sell a quality and size another compared model does. */
    public static final String NOT_OFFERED = "not offered";

    /** A per-image price as shown: dollars to the cent or finer, or why there is none. */
    public String perImageText(int model, BigDecimal usd) {
        return usd != null ? Format.usd(usd) : imageModel.get(model) ? NOT_OFFERED : NOT_IMAGE_MODEL;
    }

    /** A monthly cost as shown: dollars and cents, or why there is none. */
    public String monthlyText(int model, BigDecimal usd) {
        return usd != null ? Format.usdCents(usd) : imageModel.get(model) ? NOT_OFFERED : NOT_IMAGE_MODEL;
    }

    /** The image costs of these models, or empty when none of them prices images (a text-only comparison). */
    public static Optional<ImageCosts> of(List<Model> models) {
        List<List<ImagePrice>> sheets = models.stream().map(m -> m.prices().map(PriceSheet::images).orElse(List.of())).toList();
        if (sheets.stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        List<Variant> variants = variants(sheets);
        List<PriceRow> prices = new ArrayList<>();
        List<MonthRow> monthly = new ArrayList<>();
        for (Variant v : variants) {
            List<BigDecimal> each = sheets.stream().map(s -> priceOf(s, v)).toList();
            prices.add(new PriceRow(v, each, cheapest(models, each)));
        }
        for (PriceRow p : prices) {
            for (long n : VOLUMES) {
                List<BigDecimal> costs = p.usdPerImage().stream().map(x -> x == null ? null : x.multiply(BigDecimal.valueOf(n)).stripTrailingZeros()).toList();
                List<BigDecimal> known = costs.stream().filter(Objects::nonNull).toList();
                String cheapest = cheapest(models, costs);
                BigDecimal saving = cheapest == null ? null
                        : known.stream().max(BigDecimal::compareTo).get().subtract(known.stream().min(BigDecimal::compareTo).get());
                monthly.add(new MonthRow(p.variant(), n, costs, cheapest, saving));
            }
        }
        return Optional.of(new ImageCosts(sheets.stream().map(s -> !s.isEmpty()).toList(), prices, monthly));
    }

    /**
     * Every quality and size any model prices, in the order the sources list them. A price that does not depend on
     * quality (or size) applies to every variant; it adds a variant of its own only when no model names one.
     */
    private static List<Variant> variants(List<List<ImagePrice>> sheets) {
        List<String> qualities = distinct(sheets, ImagePrice::quality);
        List<String> sizes = distinct(sheets, ImagePrice::size);
        List<Variant> out = new ArrayList<>();
        for (List<ImagePrice> sheet : sheets) {
            for (ImagePrice p : sheet) {
                for (String q : p.quality() == null ? orNull(qualities) : List.of(p.quality())) {
                    for (String s : p.size() == null ? orNull(sizes) : List.of(p.size())) {
                        Variant v = new Variant(q, s);
                        if (out.stream().noneMatch(x -> same(x, v))) {
                            out.add(v);
                        }
                    }
                }
            }
        }
        out.sort(VARIANT_ORDER);
        return out;
    }

    /** Cheap to dear, as a reader scans: quality low to high (unknown names after, alphabetically), then size by pixels. */
    private static final java.util.Comparator<Variant> VARIANT_ORDER = java.util.Comparator
            .comparing((Variant v) -> qualityRank(v.quality()))
            .thenComparing(v -> Objects.toString(lower(v.quality()), ""))
            .thenComparingLong(v -> pixels(v.size()))
            .thenComparing(v -> Objects.toString(lower(v.size()), ""));

    private static final List<String> QUALITY_ORDER = List.of("low", "standard", "medium", "hd", "high");

    private static int qualityRank(String quality) {
        int i = quality == null ? -1 : QUALITY_ORDER.indexOf(lower(quality));
        return i < 0 ? QUALITY_ORDER.size() : i;
    }

    /** Width times height of "1024x1536", or a large number for a size that does not read that way. */
    private static long pixels(String size) {
        String[] wh = size == null ? new String[0] : lower(size).split("-?x-?");
        try {
            return wh.length == 2 ? Long.parseLong(wh[0].trim()) * Long.parseLong(wh[1].trim()) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A model's price of one image of this variant: a price matches when it names the same value or does not depend on it. */
    static BigDecimal priceOf(List<ImagePrice> sheet, Variant v) {
        return sheet.stream()
                .filter(p -> (p.quality() == null || p.quality().equalsIgnoreCase(Objects.toString(v.quality(), "")))
                        && (p.size() == null || p.size().equalsIgnoreCase(Objects.toString(v.size(), ""))))
                .map(ImagePrice::usdPerImage).findFirst().orElse(null);
    }

    private static String cheapest(List<Model> models, List<BigDecimal> values) {
        List<BigDecimal> known = values.stream().filter(Objects::nonNull).toList();
        if (known.size() < 2) {
            return null;
        }
        BigDecimal min = known.stream().min(BigDecimal::compareTo).get();
        BigDecimal max = known.stream().max(BigDecimal::compareTo).get();
        if (min.compareTo(max) == 0) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && values.get(i).compareTo(min) == 0) {
                return models.get(i).id();
            }
        }
        return null;
    }

    private static boolean same(Variant a, Variant b) {
        return Objects.equals(lower(a.quality()), lower(b.quality())) && Objects.equals(lower(b.size()), lower(a.size()));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> orNull(List<String> values) {
        return values.isEmpty() ? java.util.Collections.singletonList(null) : values;
    }

    private static List<String> distinct(List<List<ImagePrice>> sheets, java.util.function.Function<ImagePrice, String> value) {
        List<String> out = new ArrayList<>();
        sheets.stream().flatMap(List::stream).map(value).filter(Objects::nonNull)
                .filter(v -> out.stream().noneMatch(x -> x.equalsIgnoreCase(v))).forEach(out::add);
        return out;
    }
}
