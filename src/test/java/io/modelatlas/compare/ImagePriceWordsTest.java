package io.modelatlas.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.Status;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.compare.Comparison.Recommendation;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The words a comparison of image models says about price: the difference, the recommendation and the "which is
 * cheaper" answer state per-image prices, never the token prices that bill the prompt. Expected sentences are worked
 * out here from the bundled catalog's own {@link ImagePrice} entries (matched by hand on exact quality and size), so a
 * catalog refresh changes both sides.
 */
class ImagePriceWordsTest {
    private static Catalog catalog;
    private static Comparer comparer;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
        comparer = new Comparer(catalog);
    }

    /** One quality and size both models price, with each price. */
    private record Both(ImagePrice cheap, ImagePrice dear) {
        BigDecimal ratio() {
            return dear.usdPerImage().divide(cheap.usdPerImage(), 10, RoundingMode.HALF_EVEN);
        }

        String words() {
            return cheap.quality() + "-quality " + cheap.size() + " image";
        }
    }

    private static List<ImagePrice> images(String id) {
        return catalog.require(id).prices().orElseThrow().images();
    }

    private static Optional<ImagePrice> find(List<ImagePrice> sheet, ImagePrice like) {
        return sheet.stream().filter(p -> like.quality().equals(p.quality()) && like.size().equals(p.size())).findFirst();
    }

    private static List<Both> shared(String cheap, String dear) {
        List<Both> out = new ArrayList<>();
        for (ImagePrice c : images(cheap)) {
            find(images(dear), c).ifPresent(d -> out.add(new Both(c, d)));
        }
        return out;
    }

    /** What the comparison must say of gpt-image-1-mini against gpt-image-1, from their catalog prices. */
    private static String expectedPriceText() {
        Model mini = catalog.require("gpt-image-1-mini");
        Model big = catalog.require("gpt-image-1");
        List<Both> both = shared("gpt-image-1-mini", "gpt-image-1");
        assertThat(both).as("the two share qualities and sizes").hasSizeGreaterThan(1)
                .allMatch(b -> b.cheap().usdPerImage().compareTo(b.dear().usdPerImage()) < 0);
        Both low = both.stream().min((a, b) -> a.cheap().usdPerImage().compareTo(b.cheap().usdPerImage())).orElseThrow();
        BigDecimal lo = both.stream().map(Both::ratio).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal hi = both.stream().map(Both::ratio).max(BigDecimal::compareTo).orElseThrow();
        return mini.displayName() + " costs " + Format.usd(low.cheap().usdPerImage()) + " per " + low.words() + ", " + big.displayName() + " "
                + Format.usd(low.dear().usdPerImage()) + ": " + Format.ratio(low.ratio()) + " times as much. " + mini.displayName()
                + " is cheaper at all " + both.size() + " qualities and sizes both price; " + big.displayName() + " costs " + Format.ratio(lo) + " to "
                + Format.ratio(hi) + " times as much.";
    }

    private static String expectedOnlyBigSells() {
        Model big = catalog.require("gpt-image-1");
        List<ImagePrice> own = images("gpt-image-1").stream().filter(p -> find(images("gpt-image-1-mini"), p).isEmpty()).toList();
        ImagePrice cheapest = own.stream().min((a, b) -> a.usdPerImage().compareTo(b.usdPerImage())).orElseThrow();
        return "Only " + big.displayName() + " sells " + own.size() + " more qualities and sizes, from " + Format.usd(cheapest.usdPerImage()) + " per "
                + cheapest.quality() + "-quality " + cheapest.size() + " image.";
    }

    @Test
    void image_models_differ_in_price_per_image_not_per_input_token() {
        Comparison c = comparer.compareIds(List.of("gpt-image-1", "gpt-image-1-mini"));
        List<Difference> prices = c.differences().stream().filter(d -> d.kind().contains("price")).toList();

        assertThat(prices).hasSize(1);
        assertThat(prices.get(0).sentence()).isEqualTo(expectedPriceText() + " " + expectedOnlyBigSells());
        assertThat(c.differences()).extracting(Difference::sentence).noneMatch(s -> s.contains("tokens (") || s.contains("per million"));
    }

    @Test
    void the_example_of_the_issue_holds_medium_1024_is_within_the_stated_range() {
        // "GPT Image 1 Mini costs $0.011 per medium 1024x1024 image, GPT Image 1 $0.042: 3.8 times as much"
        Both medium = shared("gpt-image-1-mini", "gpt-image-1").stream()
                .filter(b -> b.cheap().quality().equals("medium") && b.cheap().size().equals("1024x1024")).findFirst().orElseThrow();
        String sentence = comparer.compareIds(List.of("gpt-image-1", "gpt-image-1-mini")).differences().get(0).sentence();
        String range = sentence.replaceAll(".* costs ([0-9.]+) to ([0-9.]+) times as much.*", "$1 $2");
        BigDecimal lo = new BigDecimal(range.split(" ")[0]);
        BigDecimal hi = new BigDecimal(range.split(" ")[1]);
        assertThat(new BigDecimal(Format.ratio(medium.ratio()))).isBetween(lo, hi);
    }

    @Test
    void image_work_is_recommended_once_for_the_model_cheaper_per_image_with_the_figures() {
        Comparison c = comparer.compareIds(List.of("gpt-image-1", "gpt-image-1-mini"));
        List<Recommendation> recs = c.recommendations();

        assertThat(recs).extracting(Recommendation::job).doesNotHaveDuplicates();
        List<Recommendation> cost = recs.stream().filter(r -> r.job().contains("per image")).toList();
        assertThat(cost).hasSize(1);
        assertThat(cost.get(0).modelId()).isEqualTo("gpt-image-1-mini");
        assertThat(cost.get(0).reason()).isEqualTo(expectedPriceText());
        // the model that sells what the other does not is recommended for that, once
        assertThat(recs).filteredOn(r -> r.modelId().equals("gpt-image-1")).extracting(Recommendation::reason).containsExactly(expectedOnlyBigSells());
    }

    @Test
    void which_is_cheaper_is_answered_per_image() {
        Comparison c = comparer.compareIds(List.of("gpt-image-1", "gpt-image-1-mini"));
        String answer = c.faqs().get(0).answer();

        assertThat(c.faqs().get(0).question()).startsWith("Which is cheaper");
        assertThat(answer).isEqualTo(catalog.require("gpt-image-1-mini").displayName() + " is cheaper per image. " + expectedPriceText() + " " + expectedOnlyBigSells());
        assertThat(answer).doesNotContain("priced differently", "per million");
    }

    @Test
    void a_text_and_an_image_model_are_priced_in_different_units_each_given() {
        Comparison c = comparer.compareIds(List.of("gpt-4.1-mini", "gpt-image-1-mini"));
        PriceSheet text = catalog.require("gpt-4.1-mini").prices().orElseThrow();
        ImagePrice cheapest = images("gpt-image-1-mini").stream().min((a, b) -> a.usdPerImage().compareTo(b.usdPerImage())).orElseThrow();
        String perToken = "GPT-4.1 Mini per token (" + Format.usd(text.rate(PriceKind.INPUT).orElseThrow().usdPerMillion()) + " input / "
                + Format.usd(text.rate(PriceKind.OUTPUT).orElseThrow().usdPerMillion()) + " output per million tokens)";
        String perImage = "GPT Image 1 Mini per image (from " + Format.usd(cheapest.usdPerImage()) + " per " + cheapest.quality() + "-quality " + cheapest.size() + " image)";

        assertThat(c.differences()).extracting(Difference::sentence)
                .contains("They are priced in different units, so no single number compares them: " + perToken + ", " + perImage + ".")
                .noneMatch(s -> s.contains("cheaper on input tokens"));
        assertThat(c.differences()).extracting(Difference::kind).contains("price_units").doesNotContain("price");
        assertThat(c.faqs().get(0).answer()).isEqualTo("They are priced in different units, so no single number compares them: " + perToken + "; " + perImage + ".");
        assertThat(c.recommendations()).filteredOn(r -> r.modelId().equals("gpt-image-1-mini")).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("priced per image (from " + Format.usd(cheapest.usdPerImage()) + " per "));
    }

    @Test
    void three_image_models_are_compared_per_image_across_all() {
        Comparison c = comparer.compareIds(List.of("gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5"));

        assertThat(c.differences()).extracting(Difference::sentence).noneMatch(s -> s.contains("input tokens") || s.contains("output tokens"));
        assertThat(c.differences()).filteredOn(d -> d instanceof Difference.ImagePrices).singleElement()
                .satisfies(d -> assertThat(d.sentence()).contains("qualities and sizes all 3 price"));
        assertThat(c.recommendations()).extracting(Recommendation::job).doesNotHaveDuplicates();
    }

    // ---- synthetic models: the cases the catalog happens not to have ----

    private static Model image(String id, ImagePrice... prices) {
        PriceSheet.Builder b = PriceSheet.builder().rate(PriceKind.INPUT, "5");
        for (ImagePrice p : prices) {
            b.image(p);
        }
        PriceSheet sheet = b.build();
        return new Model(id, id.toUpperCase(java.util.Locale.ROOT), "acme", "Acme", "acme-image", List.of(), ModelType.IMAGE_GENERATION,
                null, Fact.of(PartialDate.parse("2025-09-26"), Fixtures.MODELSDEV), null,
                Fact.of(Set.of(Modality.TEXT), Fixtures.MODELSDEV), Fact.of(Set.of(Modality.IMAGE), Fixtures.LITELLM),
                null, null, null, Map.of(Capability.FUNCTION_CALLING, Fact.of(false, Fixtures.MODELSDEV)), List.of("/v1/images/generations"),
                Fact.of(Status.current(), Fixtures.LITELLM), List.of(), List.of(), List.of(),
                List.of(new Offering("acme", id, Fact.of(sheet, Fixtures.LITELLM), null, null)), "o200k_base");
    }

    private static ImagePrice price(String quality, String size, String usd) {
        return new ImagePrice(quality, size, new BigDecimal(usd));
    }

    @Test
    void when_the_cheaper_one_changes_with_quality_neither_is_called_cheaper_throughout() {
        Model a = image("a", price("low", "1024x1024", "0.01"), price("high", "1024x1024", "0.20"));
        Model b = image("b", price("low", "1024x1024", "0.02"), price("high", "1024x1024", "0.10"));
        Comparison c = new Comparer(Catalog.of(List.of(a, b))).compare(List.of(a, b));

        assertThat(c.differences().get(0).sentence()).isEqualTo("Neither is cheaper per image throughout: A is cheaper at 1 of the 2 qualities and sizes both price, "
                + "B at 1. At the cheapest, low-quality 1024x1024 image: A $0.01, B $0.02.");
        assertThat(c.faqs().get(0).answer()).doesNotContain("is cheaper per image.");
        assertThat(c.recommendations()).filteredOn(r -> r.job().contains("per image")).singleElement()
                .satisfies(r -> assertThat(r.modelId()).isEqualTo("a"))
                .satisfies(r -> assertThat(r.reason()).startsWith("A is cheaper at the cheapest quality and size both price, not at all of them. Neither"));
    }

    @Test
    void a_tie_where_images_cost_least_recommends_neither_on_price() {
        Model a = image("a", price("low", "1024x1024", "0.01"), price("medium", "1024x1024", "0.02"), price("high", "1024x1024", "0.20"));
        Model b = image("b", price("low", "1024x1024", "0.01"), price("medium", "1024x1024", "0.03"), price("high", "1024x1024", "0.10"));
        Comparison c = new Comparer(Catalog.of(List.of(a, b))).compare(List.of(a, b));

        assertThat(c.differences().get(0).sentence()).isEqualTo("Neither is cheaper per image throughout: A is cheaper at 1 of the 3 qualities and sizes both price, "
                + "B at 1. At the cheapest, low-quality 1024x1024 image: A $0.01, B $0.01.");
        assertThat(c.recommendations()).noneMatch(r -> r.job().contains("per image"));
    }

    @Test
    void the_same_price_everywhere_is_said_and_recommends_neither() {
        Model a = image("a", price("low", "1024x1024", "0.010"), price("high", "1024x1024", "0.2"));
        Model b = image("b", price("low", "1024x1024", "0.01"), price("high", "1024x1024", "0.20"));
        Comparison c = new Comparer(Catalog.of(List.of(a, b))).compare(List.of(a, b));

        assertThat(c.differences().get(0).kind()).isEqualTo("same_price");
        assertThat(c.differences().get(0).sentence()).isEqualTo("Both cost the same per image: $0.01 per low-quality 1024x1024 image, and the same at each of the 2 qualities and sizes both price.");
        assertThat(c.recommendations()).noneMatch(r -> r.job().contains("per image"));
    }

    @Test
    void a_price_independent_of_quality_applies_to_every_quality_and_rounds_once_when_shown() {
        // 0.0126 / 0.004 = 3.15 and 0.05 / 0.004 = 12.5: ratios from the exact quotients, rounded once when shown
        Model a = image("a", price(null, "1024x1024", "0.004"));
        Model b = image("b", price("low", "1024x1024", "0.0126"), price("high", "1024x1024", "0.05"));
        Comparison c = new Comparer(Catalog.of(List.of(a, b))).compare(List.of(a, b));

        assertThat(c.differences().get(0).sentence()).isEqualTo("A costs $0.004 per low-quality 1024x1024 image, B $0.0126: 3.15 times as much. "
                + "A is cheaper at all 2 qualities and sizes both price; B costs 3.15 to 12.5 times as much.");
    }
}
