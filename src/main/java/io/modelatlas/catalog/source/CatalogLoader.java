package io.modelatlas.catalog.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.SourceInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Builds the catalog from the source files listed in {@code sources.toml}: the copies bundled in the jar, or a
 * directory with the same layout. Every source is parsed before anything is merged, so a bad file fails the whole
 * load with a {@link SourceFormatException} and the catalog in use stays as it was.
 */
public final class CatalogLoader {
    static final String BUNDLED = "/io/modelatlas/catalog/data/";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final ObjectMapper TOML = new TomlMapper();

    private final Opener opener;

    private CatalogLoader(Opener opener) {
        this.opener = opener;
    }

    /** Opens a file of the data set by its relative name. */
    @FunctionalInterface
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** The catalog from the data bundled in the jar. */
    public static Catalog loadBundled() {
        return new CatalogLoader(name -> {
            InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED + name);
            if (in == null) {
                throw new NoSuchFileException("bundled " + name);
            }
            return in;
        }).load();
    }

    /** The catalog from a directory laid out like the bundled data ({@code sources.toml} and the files it lists). */
    public static Catalog load(Path dir) {
        return new CatalogLoader(name -> Files.newInputStream(dir.resolve(name))).load();
    }

    private Catalog load() {
        JsonNode manifest = tree(TOML, "sources.toml");
        Overlay overlay = Overlay.read(tree(TOML, file(manifest, "overlay")), file(manifest, "overlay"));
        LocalDate litellmAsOf = asOf(manifest, "litellm");
        LocalDate modelsDevAsOf = asOf(manifest, "modelsdev");
        LocalDate openRouterAsOf = asOf(manifest, "openrouter");

        // The three large files parse independently: read them side by side, the biggest on its own thread.
        CompletableFuture<ModelsDevSource.Result> modelsDevLater = CompletableFuture.supplyAsync(() ->
                ModelsDevSource.read(tree(JSON, file(manifest, "modelsdev")), file(manifest, "modelsdev"), modelsDevAsOf));
        LiteLlmSource.Result litellm = LiteLlmSource.read(tree(JSON, file(manifest, "litellm")), file(manifest, "litellm"), litellmAsOf);
        OpenRouterSource.Result openRouter = OpenRouterSource.read(tree(JSON, file(manifest, "openrouter")), file(manifest, "openrouter"), openRouterAsOf);
        ModelsDevSource.Result modelsDev = join(modelsDevLater);
        Map<String, List<Benchmark>> benchmarks;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file(manifest, "benchmarks")), StandardCharsets.UTF_8))) {
            benchmarks = BenchmarkTable.read(r, file(manifest, "benchmarks"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<SourceRecord> records = new ArrayList<>(litellm.records());
        records.addAll(modelsDev.records());
        records.addAll(openRouter.records());
        LocalDate newest = Stream.of(litellmAsOf, modelsDevAsOf, openRouterAsOf).max(LocalDate::compareTo).orElseThrow();
        List<Model> models = new CatalogMerger(overlay, Set.copyOf(litellm.fineTunedKeys()), benchmarks, newest, litellmAsOf).merge(records);

        List<SourceInfo> sources = List.of(
                info(manifest, "litellm", litellm.entries(), litellm.warnings()),
                info(manifest, "modelsdev", modelsDev.entries(), modelsDev.warnings()),
                info(manifest, "openrouter", openRouter.entries(), openRouter.warnings()),
                info(manifest, "benchmarks", benchmarks.values().stream().mapToInt(List::size).sum(), List.of()),
                info(manifest, "overlay", overlay.models().size(), List.of()));
        return Catalog.of(models, sources);
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

    private InputStream open(String name) {
        try {
            return opener.open(name);
        } catch (NoSuchFileException e) {
            throw new SourceFormatException(name, "", "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name, e);
        }
    }

    private JsonNode tree(ObjectMapper mapper, String name) {
        try (InputStream in = open(name)) {
            JsonNode node = mapper.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new SourceFormatException(name, "", "the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SourceFormatException(name, where, "not valid " + (mapper == TOML ? "TOML" : "JSON") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String file(JsonNode manifest, String source) {
        JsonNode f = manifest.path(source).get("file");
        if (f == null || !f.isTextual()) {
            throw new SourceFormatException("sources.toml", source + ".file", "missing");
        }
        return f.asText();
    }

    private static LocalDate asOf(JsonNode manifest, String source) {
        JsonNode v = manifest.path(source).get("as_of");
        try {
            return LocalDate.parse(v.asText());
        } catch (RuntimeException e) {
            throw new SourceFormatException("sources.toml", source + ".as_of", "expected a date YYYY-MM-DD");
        }
    }

    private static SourceInfo info(JsonNode manifest, String source, int entries, List<String> warnings) {
        JsonNode s = manifest.path(source);
        return new SourceInfo(source, asOf(manifest, source), s.path("license").asText(""), s.path("origin").asText(""), entries, warnings);
    }
}
