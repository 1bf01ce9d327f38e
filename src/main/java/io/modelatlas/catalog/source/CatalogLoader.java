package io.modelatlas.catalog.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.SourceInfo;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Builds the catalog from a {@link SourceSet}. Every source is parsed before anything is merged, so a bad file fails
 * the whole load with a {@link SourceFormatException} and the catalog in use stays as it was.
 */
public final class CatalogLoader {
    static final String BUNDLED = "/io/modelatlas/catalog/data/";
    /** Built on first parse, not on class load: a start that reads the bundled snapshot never builds them. */
    private static final class Mappers {
        static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        static final ObjectMapper TOML = new TomlMapper();
    }

    private CatalogLoader() {}

    /** The catalog from the data bundled in the jar: read from the build's snapshot of it, else merged. */
    public static Catalog loadBundled() {
        return BundledSnapshot.readBundled().orElseGet(() -> load(SourceSet.bundled()));
    }

    /**
     * The catalog of a set: for the jar's own data set as it is, read from the bundled snapshot when its files are
     * unchanged; else merged.
     */
    public static Catalog loadOrRead(SourceSet set) {
        if (set.isBundledAsIs()) {
            return BundledSnapshot.readBundled().orElseGet(() -> load(set));
        }
        return load(set);
    }

    /**
     * The catalog of {@code stored} given the catalog of the set it copies, when every source's stored file is the
     * very file of {@code copied} (same name, date, bytes and skipping): the same models and leaderboards, and the
     * sources named as imported files, exactly as {@link #load(SourceSet)} of {@code stored} would name them. A new
     * store, seeded with the bundled files, gets its catalog without a second merge.
     *
     * @throws IllegalArgumentException when a source's file differs
     */
    public static Catalog storedCopy(Catalog ofCopied, SourceSet copied, SourceSet stored) {
        if (!stored.curations().equals(copied.curations())) {
            throw new IllegalArgumentException("the stored set has other corrections");
        }
        if (!stored.sources().equals(copied.sources())) {
            throw new IllegalArgumentException("the stored set has other sources");
        }
        for (String board : SourceSet.LEADERBOARDS) {
            if (stored.isReplaced(board) || copied.isReplaced(board)) {
                throw new IllegalArgumentException("the " + board + " leaderboard was fetched: its catalog is not a copy");
            }
        }
        for (String source : copied.sources()) {
            SourceSet.SourceFile a = copied.file(source);
            SourceSet.SourceFile b = stored.file(source);
            if (!a.fileName().equals(b.fileName()) || !a.asOf().equals(b.asOf()) || a.skipInvalid() != b.skipInvalid()
                    || !java.util.Arrays.equals(a.content(), b.content())) {
                throw new IllegalArgumentException("the stored " + source + " file is not the copied one");
            }
        }
        List<SourceInfo> sources = new ArrayList<>();
        for (SourceInfo i : ofCopied.sources()) {
            boolean renamed = SourceSet.IMPORTABLE.contains(i.name()) && stored.isReplaced(i.name()) != copied.isReplaced(i.name());
            sources.add(!renamed ? i : new SourceInfo(i.name(), i.asOf(), i.license(),
                    stored.isReplaced(i.name()) ? "imported file " + stored.file(i.name()).fileName() : origin(stored.manifest(), i.name()),
                    i.entries(), i.warnings()));
        }
        return ofCopied.withSources(sources);
    }

    /** The catalog from a directory laid out like the bundled data ({@code sources.toml} and the files it lists). */
    public static Catalog load(Path dir) {
        return load(SourceSet.directory(dir));
    }

    /**
     * What checking one importable file found: its entries, the usable offerings, and what was skipped or unusable;
     * {@code basePrices} holds each offering's base rates (key {@code provider/model}, then price kind, USD per 1M
     * tokens), for a refresh to compare a fetched file with the one it replaces.
     */
    public record SourceCheck(String source, int entries, int offerings, List<String> skipped, List<String> warnings,
                              Map<String, Map<String, BigDecimal>> basePrices) {
        public SourceCheck {
            skipped = List.copyOf(skipped);
            warnings = List.copyOf(warnings);
            basePrices = Map.copyOf(basePrices);
        }
    }

    /**
     * Parses one file of an importable source the way a load would, without merging it.
     *
     * @throws SourceFormatException naming the file, the JSON path or line and key, and what is wrong; also when the
     *                               file has no usable entry at all, which would empty the source
     */
    public static SourceCheck check(SourceSet.SourceFile file) {
        Parsed p = parse(file);
        if (p.records().isEmpty()) {
            throw new SourceFormatException(file.fileName(), "", "holds no usable model entry (" + p.entries() + " entries, "
                    + p.skipped().size() + " skipped); importing it would empty the " + file.source() + " source");
        }
        return new SourceCheck(file.source(), p.entries(), p.records().size(),
                p.skipped().stream().map(Throwable::getMessage).toList(), p.warnings(), basePrices(p.records()));
    }

    /**
     * What checking one leaderboard's tidy CSV found: its rows, and each score by what it is a score of (the name as
     * published, benchmark, metric and published run settings) with its published text, for a refresh to compare a
     * fetched copy with the one it replaces.
     */
    public record LeaderboardCheck(String source, int rows, Map<String, String> scores) {
        public LeaderboardCheck {
            scores = Map.copyOf(scores);
        }
    }

    /**
     * Parses one leaderboard's tidy CSV the way a load would.
     *
     * @throws SourceFormatException naming the file, line and column of the first bad row; also when it holds no row
     *                               at all, which would empty the leaderboard
     */
    public static LeaderboardCheck checkLeaderboard(SourceSet.SourceFile file) {
        if (!SourceSet.LEADERBOARDS.contains(file.source())) {
            throw new IllegalArgumentException("unknown leaderboard '" + file.source() + "': expected one of " + SourceSet.LEADERBOARDS);
        }
        List<LeaderboardTable.Score> rows = LeaderboardTable.read(file);
        if (rows.isEmpty()) {
            throw new SourceFormatException(file.fileName(), "", "holds no score; taking it would empty the " + file.source() + " leaderboard");
        }
        Map<String, String> scores = new java.util.HashMap<>();
        for (LeaderboardTable.Score r : rows) {
            // the first row of a key wins, as a re-run published twice is one score
            scores.putIfAbsent(String.join(" | ", r.publishedName(), r.benchmark(), r.metric(), r.variant()), r.scoreText());
        }
        return new LeaderboardCheck(file.source(), rows.size(), scores);
    }

    private static Map<String, Map<String, BigDecimal>> basePrices(List<SourceRecord> records) {
        Map<String, Map<String, BigDecimal>> out = new java.util.HashMap<>();
        for (SourceRecord r : records) {
            Map<String, BigDecimal> rates = new java.util.TreeMap<>();
            if (r.prices() != null) {
                r.prices().rates().forEach((kind, rate) -> rates.put(kind.jsonName(), rate.usdPerMillion()));
            }
            out.merge(r.provider() + "/" + r.apiModelId(), Map.copyOf(rates), (a, b) -> a);
        }
        return out;
    }

    /** The catalog from a set of source files. */
    public static Catalog load(SourceSet set) {
        JsonNode manifest = set.manifest();
        String overlayFile = fileName(manifest, "overlay");
        Overlay overlay = Overlay.read(curated(tree(Mappers.TOML, overlayFile, open(set, overlayFile)), set.curations()), overlayFile);
        IdentityRules identity = identityRules(set, manifest);

        // The large files parse independently: read them side by side, the biggest on its own thread.
        CompletableFuture<Parsed> modelsDevLater = CompletableFuture.supplyAsync(() -> parse(set.file("modelsdev")));
        Parsed litellm = parse(set.file("litellm"));
        Parsed openRouter = parse(set.file("openrouter"));
        // genai-prices is optional: a data directory laid out before it was added loads without it
        Parsed genaiPrices = set.has("genaiprices") ? parse(set.file("genaiprices")) : null;
        Parsed modelsDev = join(modelsDevLater);
        String benchmarksFile = fileName(manifest, "benchmarks");
        Map<String, List<Benchmark>> benchmarks;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(set, benchmarksFile), StandardCharsets.UTF_8))) {
            benchmarks = BenchmarkTable.read(r, benchmarksFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<SourceRecord> records = new ArrayList<>(litellm.records());
        records.addAll(modelsDev.records());
        records.addAll(openRouter.records());
        if (genaiPrices != null) {
            records.addAll(genaiPrices.records());
        }
        records.addAll(overlay.priceRecords());
        LocalDate newest = Stream.of(litellm, modelsDev, openRouter, genaiPrices).filter(java.util.Objects::nonNull)
                .map(p -> p.file().asOf()).max(LocalDate::compareTo).orElseThrow();
        List<Model> models = new CatalogMerger(overlay, identity, Set.copyOf(litellm.fineTunedKeys()), benchmarks, newest, litellm.file().asOf()).merge(records);

        List<SourceInfo> sources = new ArrayList<>(List.of(info(set, litellm), info(set, modelsDev), info(set, openRouter)));
        if (genaiPrices != null) {
            sources.add(info(set, genaiPrices));
        }
        sources.addAll(List.of(
                new SourceInfo("benchmarks", asOf(manifest, "benchmarks"), license(manifest, "benchmarks"), origin(manifest, "benchmarks"),
                        benchmarks.values().stream().mapToInt(List::size).sum(), List.of()),
                new SourceInfo("overlay", overlay.asOf(), license(manifest, "overlay"),
                        origin(manifest, "overlay") + (set.curations().isEmpty() ? "" : ", with " + set.curations().size() + " operator corrections"),
                        overlay.models().size(), List.of())));
        if (!manifest.has("leaderboards")) {
            return Catalog.of(models, sources);
        }
        List<SourceInfo> withLeaderboards = new ArrayList<>(sources);
        withLeaderboards.add(leaderboardsInfo(set, manifest));
        // read on first use of the catalog's leaderboards, from this set: fetched copies in place of the own tables
        return Catalog.of(models, withLeaderboards, catalog -> LeaderboardImport.of(catalog, set));
    }

    /** The leaderboards as a source: the newest date among their tables, and which were fetched live. */
    private static SourceInfo leaderboardsInfo(SourceSet set, JsonNode manifest) {
        LocalDate asOf = asOf(manifest, "leaderboards");
        List<String> fetched = new ArrayList<>();
        for (String board : SourceSet.LEADERBOARDS) {
            if (set.isReplaced(board)) {
                SourceSet.SourceFile f = set.file(board);
                fetched.add(board + " " + f.fileName() + " (" + f.asOf() + ")");
                asOf = f.asOf().isAfter(asOf) ? f.asOf() : asOf;
            }
        }
        String origin = origin(manifest, "leaderboards") + (fetched.isEmpty() ? "" : "; fetched live: " + String.join(", ", fetched));
        return new SourceInfo("leaderboards", asOf, license(manifest, "leaderboards"), origin, LeaderboardTable.rowCount(set), List.of());
    }

    /** One importable source file, parsed. */
    private record Parsed(SourceSet.SourceFile file, List<SourceRecord> records, Set<String> fineTunedKeys, int entries,
                          List<String> warnings, List<SourceFormatException> skipped) {}

    private static Parsed parse(SourceSet.SourceFile f) {
        JsonNode root = tree(Mappers.JSON, f.fileName(), SourceSet.bytes(f));
        return switch (f.source()) {
            case "litellm" -> {
                LiteLlmSource.Result r = LiteLlmSource.read(root, f.fileName(), f.asOf(), f.skipInvalid());
                yield new Parsed(f, r.records(), r.fineTunedKeys(), r.entries(), r.warnings(), r.skipped());
            }
            case "modelsdev" -> {
                ModelsDevSource.Result r = ModelsDevSource.read(root, f.fileName(), f.asOf(), f.skipInvalid());
                yield new Parsed(f, r.records(), Set.of(), r.entries(), r.warnings(), r.skipped());
            }
            case "openrouter" -> {
                OpenRouterSource.Result r = OpenRouterSource.read(root, f.fileName(), f.asOf(), f.skipInvalid());
                yield new Parsed(f, r.records(), Set.of(), r.entries(), r.warnings(), r.skipped());
            }
            case "genaiprices" -> {
                GenaiPricesSource.Result r = GenaiPricesSource.read(root, f.fileName(), f.asOf(), f.skipInvalid());
                yield new Parsed(f, r.records(), Set.of(), r.entries(), r.warnings(), r.skipped());
            }
            default -> throw new IllegalArgumentException("unknown source '" + f.source() + "': expected one of " + SourceSet.IMPORTABLE);
        };
    }

    /**
     * Applies operators' corrections over the overlay file: each is a JSON merge patch (RFC 7386) on the model's
     * entry, so a null removes a curated field and anything else replaces it.
     */
    private static JsonNode curated(JsonNode overlay, Map<String, String> curations) {
        if (curations.isEmpty()) {
            return overlay;
        }
        ObjectNode root = (ObjectNode) overlay.deepCopy();
        ObjectNode models = root.has("models") ? (ObjectNode) root.get("models") : root.putObject("models");
        curations.forEach((id, patch) -> {
            JsonNode p = tree(Mappers.JSON, "curation of " + id, new java.io.ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)));
            JsonNode merged = MergePatch.apply(models.get(id), p);
            if (merged == null || merged.isEmpty()) {
                models.remove(id);
            } else {
                models.set(id, merged);
            }
        });
        return root;
    }

    /**
     * An operator's correction of one model, checked: the stored patch it becomes (the earlier one combined with the
     * new one) and the model's curated entry before and after.
     */
    public record Curation(JsonNode patch, JsonNode before, JsonNode after) {}

    /**
     * Checks a merge patch on a model's curated entry as the overlay file would be checked.
     *
     * @param storedPatch the model's earlier corrections, or null
     * @throws SourceFormatException naming the field of the request body and what is wrong
     */
    public static Curation checkCuration(SourceSet set, String modelId, JsonNode storedPatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new SourceFormatException("request body", "$", "expected a JSON object of overlay fields");
        }
        checkIds(patch);
        String overlayFile = fileName(set.manifest(), "overlay");
        JsonNode own = tree(Mappers.TOML, overlayFile, open(set, overlayFile)).path("models").get(modelId);
        JsonNode combined = MergePatch.combine(storedPatch, patch);
        JsonNode before = MergePatch.apply(own, storedPatch == null ? Mappers.JSON.createObjectNode() : storedPatch);
        JsonNode after = MergePatch.apply(own, combined);
        Overlay.check(after, "request body", "$");
        return new Curation(combined, before, after);
    }

    /** The ids a correction brings in (providers of curated prices, aliases) are checked as an import checks its keys. */
    private static void checkIds(JsonNode patch) {
        JsonFields f = new JsonFields("request body");
        JsonNode prices = patch.get("prices");
        if (prices != null && prices.isObject()) {
            prices.fieldNames().forEachRemaining(provider -> f.id(provider, "$.prices['" + Ids.printable(provider) + "']"));
        }
        JsonNode aliases = patch.get("aliases");
        if (aliases != null && aliases.isArray()) {
            for (int i = 0; i < aliases.size(); i++) {
                if (aliases.get(i).isTextual()) {
                    f.id(aliases.get(i).asText(), "$.aliases[" + i + "]");
                }
            }
        }
    }

    /** Reads JSON text (an operator's patch) into a tree; errors name {@code what} and the line. */
    public static JsonNode json(String what, String text) {
        return tree(Mappers.JSON, what, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The identity rules a data directory names in its {@code sources.toml}; a directory without them merges by spelling alone. */
    private static IdentityRules identityRules(SourceSet set, JsonNode manifest) {
        if (manifest.path("identity").get("file") == null) {
            return IdentityRules.none();
        }
        String file = fileName(manifest, "identity");
        return IdentityRules.read(tree(Mappers.TOML, file, open(set, file)), file);
    }

    private static InputStream open(SourceSet set, String name) {
        try {
            return set.open(name);
        } catch (NoSuchFileException e) {
            throw new SourceFormatException(name, "", "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name, e);
        }
    }

    static JsonNode manifest(SourceSet.Opener opener) {
        try {
            return tree(Mappers.TOML, "sources.toml", opener.open("sources.toml"));
        } catch (NoSuchFileException e) {
            throw new SourceFormatException("sources.toml", "", "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open sources.toml", e);
        }
    }

    private static JsonNode tree(ObjectMapper mapper, String name, InputStream input) {
        try (InputStream in = input) {
            JsonNode node = mapper.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new SourceFormatException(name, "", "the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SourceFormatException(name, where, "not valid " + (mapper == Mappers.TOML ? "TOML" : "JSON") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static String fileName(JsonNode manifest, String source) {
        JsonNode f = manifest.path(source).get("file");
        if (f == null || !f.isTextual()) {
            throw new SourceFormatException("sources.toml", source + ".file", "missing");
        }
        return f.asText();
    }

    static LocalDate asOf(JsonNode manifest, String source) {
        JsonNode v = manifest.path(source).get("as_of");
        try {
            return LocalDate.parse(v.asText());
        } catch (RuntimeException e) {
            throw new SourceFormatException("sources.toml", source + ".as_of", "expected a date YYYY-MM-DD");
        }
    }

    private static String license(JsonNode manifest, String source) {
        return manifest.path(source).path("license").asText("");
    }

    private static String origin(JsonNode manifest, String source) {
        return manifest.path(source).path("origin").asText("");
    }

    private static SourceInfo info(SourceSet set, Parsed p) {
        String source = p.file().source();
        String origin = set.isReplaced(source) ? "imported file " + p.file().fileName() : origin(set.manifest(), source);
        List<String> warnings = new ArrayList<>(p.warnings());
        p.skipped().forEach(e -> warnings.add("skipped: " + e.getMessage()));
        return new SourceInfo(source, p.file().asOf(), license(set.manifest(), source), origin, p.entries(), warnings);
    }
}
