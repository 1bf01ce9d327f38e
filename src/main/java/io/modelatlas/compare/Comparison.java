package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a comparison page, the JSON API and the CLI show for 2 to 5 models. Lists of per-model values follow
 * the order of {@link #models()}; a null entry means unknown for that model. {@code images} is null when no compared
 * model prices images.
 */
public record Comparison(
        List<Model> models,
        List<SpecRow> specs,
        List<Difference> differences,
        List<VolumeTable> volumes,
        List<ScenarioRow> scenarios,
        List<BenchmarkRow> benchmarks,
        List<Recommendation> recommendations,
        List<Faq> faqs,
        List<Related> related,
        Performance performance,
        ImageCosts images) {

    public Comparison {
        models = List.copyOf(models);
        specs = List.copyOf(specs);
        differences = List.copyOf(differences);
        volumes = List.copyOf(volumes);
        scenarios = List.copyOf(scenarios);
        benchmarks = List.copyOf(benchmarks);
        recommendations = List.copyOf(recommendations);
        faqs = List.copyOf(faqs);
        related = List.copyOf(related);
        java.util.Objects.requireNonNull(performance, "performance");
    }

    /** True when some compared model prices images: {@link #images()} then holds their per-image and monthly costs. */
    public boolean hasImages() {
        return images != null;
    }

    /** True when every compared model prices images: token tables then say nothing useful and give way to image tables. */
    public boolean allImageModels() {
        return images != null && images.imageModel().stream().allMatch(Boolean::booleanValue);
    }

    /** The display name of one of the compared models, or the id itself for a model outside the comparison. */
    public String nameOf(String modelId) {
        return models.stream().filter(m -> m.id().equals(modelId)).map(Model::displayName).findFirst().orElse(modelId);
    }

    /**
     * Why a token cost table has no figure for the model at {@code index}: an image model is "priced per image" (its
     * image tables have the figures), anything else "price unknown".
     */
    public String noTokenCost(int index) {
        return images != null && images.imageModel().get(index) ? "priced per image" : "price unknown";
    }

    /** "GPT-4.1 vs GPT-4.1 Mini". */
    public String title() {
        return String.join(" vs ", models.stream().map(Model::displayName).toList());
    }

    /** One row of the spec table. */
    public record SpecRow(String key, String label, List<Cell> cells) {
        public SpecRow {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        }
    }

    /**
     * A spec value: its text, the raw value for JSON (number, string or null when unknown), where it came from, and
     * other sources' differing values when they disagree.
     */
    public record Cell(String text, Object value, Provenance source, List<String> otherSources) {
        public Cell {
            otherSources = List.copyOf(otherSources);
        }

        public static Cell unknown() {
            return new Cell("—", null, null, List.of());
        }

        public boolean known() {
            return value != null;
        }

        public boolean disputed() {
            return !otherSources.isEmpty();
        }
    }

    /**
     * Monthly cost at several volumes under one blend; {@code cacheNotes} per model says why the blend's cache-hit
     * share does not lower that model's cost (null where it does, or where no share is asked for).
     */
    public record VolumeTable(Blend blend, String definition, List<BigDecimal> blendedPerMillion, List<VolumeRow> rows, List<String> cacheNotes) {
        public VolumeTable {
            blendedPerMillion = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(blendedPerMillion));
            rows = List.copyOf(rows);
            cacheNotes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cacheNotes));
        }
    }

    /** Cost per model at one monthly volume; {@code cheapestModelId} null when no two prices are known. */
    public record VolumeRow(long tokensPerMonth, List<BigDecimal> costs, String cheapestModelId, BigDecimal saving) {
        public VolumeRow {
            costs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(costs));
        }
    }

    /** A scenario priced on each model. */
    public record ScenarioRow(Scenario scenario, List<ScenarioCell> cells, String cheapestModelId) {
        public ScenarioRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Cost of one request of the scenario and of 1,000 of them; {@code costPerRequest} null when unknown or not
     * applicable, {@code note} says why ("does not fit: 150,000 input tokens > max input 131,072", "price unknown").
     * {@code fit} is the limit check of the model's priced offering, null where no price was looked for (not a text
     * model, no price); a cell whose request does not fit has no cost, so it is never the cheapest.
     */
    public record ScenarioCell(BigDecimal costPerRequest, BigDecimal costPer1000, String note, Fit fit) {
        public ScenarioCell {
            if (fit != null && fit.exceeds() && costPerRequest != null) {
                throw new IllegalArgumentException("a request that does not fit has no cost: " + fit.describe());
            }
        }
    }

    /** One benchmark identity (name, variant and metric) with each model's score, or null where the model has none. */
    public record BenchmarkRow(String name, String variant, BenchmarkKind kind, List<Benchmark> scores) {
        public BenchmarkRow {
            scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
        }

        public String fullName() {
            return variant == null ? name : name + " (" + variant + ")";
        }
    }

    /** Which model to choose for a job (possibly one outside the comparison, such as a successor), and the data-backed reason. */
    public record Recommendation(String job, String modelId, String modelName, String reason) {}

    /** A question and its answer, generated from the data. */
    public record Faq(String question, String answer) {}

    /** Another comparison worth reading, and why. */
    public record Related(List<String> modelIds, String title, String reason) {
        public Related {
            modelIds = List.copyOf(modelIds);
        }

        /** The canonical URL path of that comparison. */
        public String path() {
            return ComparisonPaths.path(modelIds);
        }
    }
}
