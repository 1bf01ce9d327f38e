package io.modelatlas.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files one catalog is built from: the data set listed in {@code sources.toml} (bundled in the jar, or a
 * directory with that layout), with any source replaced by an imported file, plus operators' curations applied
 * over the overlay. Immutable: {@link #with} and {@link #withCurations} return new sets.
 */
public final class SourceSet {
    /** The sources an operator can import a newer file of. */
    public static final List<String> IMPORTABLE = List.of("litellm", "modelsdev", "openrouter", "genaiprices");
    /**
     * Sources a data set may leave out of its {@code sources.toml}: a data directory laid out before genai-prices was
     * added still loads, without it.
     */
    private static final List<String> OPTIONAL = List.of("genaiprices");
    /**
     * The leaderboards a data set with a {@code [leaderboards]} entry reads (one tidy CSV each, under
     * {@code leaderboards/}); a live refresh may replace any of them ({@link #with}).
     */
    public static final List<String> LEADERBOARDS = LeaderboardTable.SOURCES;

    private final Opener base;
    private final JsonNode manifest;
    private final Map<String, SourceFile> replaced;
    private final Map<String, String> curations;
    /** True for the data set bundled in the jar: the one the bundled snapshot was made from. */
    private final boolean bundled;

    /** Opens a file of the data set by its relative name. */
    @FunctionalInterface
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** A source's file as it is used: the name shown in errors, its content date, its bytes. */
    public record SourceFile(String source, String fileName, LocalDate asOf, boolean skipInvalid, byte[] content) {
        public SourceFile {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(content, "content");
        }
    }

    private SourceSet(Opener base, JsonNode manifest, Map<String, SourceFile> replaced, Map<String, String> curations, boolean bundled) {
        this.bundled = bundled;
        this.base = base;
        this.manifest = manifest;
        this.replaced = Map.copyOf(replaced);
        this.curations = Map.copyOf(curations);
    }

    /** The data bundled in the jar. */
    public static SourceSet bundled() {
        return of(true, name -> {
            InputStream in = SourceSet.class.getResourceAsStream(CatalogLoader.BUNDLED + name);
            if (in == null) {
                throw new NoSuchFileException("bundled " + name);
            }
            return in;
        });
    }

    /** A directory laid out like the bundled data ({@code sources.toml} and the files it lists). */
    public static SourceSet directory(Path dir) {
        return of(false, name -> Files.newInputStream(dir.resolve(name)));
    }

    private static SourceSet of(boolean bundled, Opener opener) {
        return new SourceSet(opener, CatalogLoader.manifest(opener), Map.of(), Map.of(), bundled);
    }

    /** This set with one source's file (or one leaderboard's tidy CSV) replaced by {@code file}. */
    public SourceSet with(SourceFile file) {
        if (!IMPORTABLE.contains(file.source()) && !LEADERBOARDS.contains(file.source())) {
            throw new IllegalArgumentException("unknown source '" + file.source() + "': expected one of " + IMPORTABLE + " or " + LEADERBOARDS);
        }
        Map<String, SourceFile> r = new LinkedHashMap<>(replaced);
        r.put(file.source(), file);
        return new SourceSet(base, manifest, r, curations, bundled);
    }

    /** This set with operators' corrections (model id to an overlay patch in JSON) applied over the overlay. */
    public SourceSet withCurations(Map<String, String> patches) {
        return new SourceSet(base, manifest, replaced, new TreeMap<>(patches), bundled);
    }

    /**
     * The importable sources this set has a file of, in {@link #IMPORTABLE} order: all of them, except an optional
     * one its {@code sources.toml} does not list and no import replaced.
     */
    public List<String> sources() {
        return IMPORTABLE.stream()
                .filter(s -> !OPTIONAL.contains(s) || replaced.containsKey(s) || manifest.path(s).get("file") != null)
                .toList();
    }

    /**
     * True when this set has a file of {@code source} (see {@link #sources()}), or, for a leaderboard, when its data
     * set lists leaderboards.
     */
    public boolean has(String source) {
        return LEADERBOARDS.contains(source) ? hasLeaderboards() : sources().contains(source);
    }

    /** True when the data set's {@code sources.toml} lists leaderboards: the catalog then has them. */
    public boolean hasLeaderboards() {
        return manifest.has("leaderboards");
    }

    /** The file a source is read from now: an imported (or fetched) one, or the data set's own. */
    public SourceFile file(String source) {
        SourceFile r = replaced.get(source);
        if (r != null) {
            return r;
        }
        if (LEADERBOARDS.contains(source)) {
            if (!hasLeaderboards()) {
                throw new SourceFormatException("sources.toml", "leaderboards", "missing: this data set has no leaderboards");
            }
            String name = LeaderboardTable.FOLDER + source + ".csv";
            return new SourceFile(source, name, CatalogLoader.asOf(manifest, "leaderboards"), false, read(name));
        }
        String name = CatalogLoader.fileName(manifest, source);
        try (InputStream in = open(name)) {
            return new SourceFile(source, name, CatalogLoader.asOf(manifest, source), false, in.readAllBytes());
        } catch (IOException e) {
            throw new SourceFormatException(name, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The content date of the data set's own copy of a source (before any import). */
    public LocalDate ownAsOf(String source) {
        return CatalogLoader.asOf(manifest, source);
    }

    /** Earlier copies of sources listed under {@code [[history]]}, oldest first: they seed a new store's price history. */
    public List<SourceFile> historicFiles() {
        List<SourceFile> out = new ArrayList<>();
        for (JsonNode h : manifest.path("history")) {
            String name = h.path("file").asText();
            LocalDate asOf;
            try {
                asOf = LocalDate.parse(h.path("as_of").asText());
            } catch (RuntimeException e) {
                throw new SourceFormatException("sources.toml", "history.as_of", "expected a date YYYY-MM-DD");
            }
            try (InputStream in = open(name)) {
                out.add(new SourceFile(h.path("source").asText(), name, asOf, false, in.readAllBytes()));
            } catch (IOException e) {
                throw new SourceFormatException(name, "", "cannot be read: " + e.getMessage(), e);
            }
        }
        out.sort(java.util.Comparator.comparing(SourceFile::asOf));
        return out;
    }

    /**
     * The SHA-256 of everything a load of this set reads: the manifest, the overlay, identity rules and benchmark
     * table, each source's file (with its name, date and whether invalid entries are skipped), the operators'
     * corrections, and the leaderboards (the data set's own tables, or the fetched copies replacing them). Equal fingerprints make equal catalogs (for one version of the
     * code), so a catalog snapshot labelled with it stands for the set.
     */
    public String fingerprint() {
        MessageDigest sha = sha256();
        for (String name : manifestFiles()) {
            digest(sha, name, read(name));
        }
        for (String source : sources()) {
            SourceFile f = file(source);
            digest(sha, source + " " + f.fileName() + " " + f.asOf() + " " + f.skipInvalid(), f.content());
        }
        curations.forEach((id, patch) -> digest(sha, "curation " + id, patch.getBytes(StandardCharsets.UTF_8)));
        if (hasLeaderboards()) {
            for (String name : LeaderboardTable.bundledFiles()) {
                String source = name.endsWith(".csv") ? name.substring(0, name.length() - ".csv".length()) : null;
                SourceFile fetched = source == null ? null : replaced.get(source);
                if (fetched == null) {
                    // the label of the data set's own table stays its name, so a set without fetched copies keeps its fingerprint
                    digest(sha, name, read(LeaderboardTable.FOLDER + name));
                } else {
                    digest(sha, "leaderboard " + source + " " + fetched.fileName() + " " + fetched.asOf(), fetched.content());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The files of the data set a load reads, by their names under the data set's folder: the manifest, overlay,
     * identity rules, benchmark table, each source's own file and, when listed, the bundled leaderboards. Imported
     * files and corrections are not among them.
     */
    List<String> ownFiles() {
        List<String> names = manifestFiles();
        for (String source : IMPORTABLE) {
            if (manifest.path(source).get("file") != null || !OPTIONAL.contains(source)) {
                names.add(CatalogLoader.fileName(manifest, source));
            }
        }
        if (manifest.has("leaderboards")) {
            LeaderboardTable.bundledFiles().forEach(name -> names.add(LeaderboardTable.FOLDER + name));
        }
        return names;
    }

    private List<String> manifestFiles() {
        List<String> names = new ArrayList<>(List.of("sources.toml"));
        for (String part : List.of("overlay", "identity", "benchmarks")) {
            if (manifest.path(part).get("file") != null) {
                names.add(CatalogLoader.fileName(manifest, part));
            }
        }
        return names;
    }

    byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SourceFormatException(name, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void digest(MessageDigest sha, String label, byte[] content) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(16).putLong(l.length).putLong(content.length).array());
        sha.update(l);
        sha.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    JsonNode manifest() {
        return manifest;
    }

    /** True for the jar's own data set, with nothing imported or corrected. */
    public boolean isBundledAsIs() {
        return bundled && replaced.isEmpty() && curations.isEmpty();
    }

    Map<String, String> curations() {
        return curations;
    }

    boolean isReplaced(String source) {
        return replaced.containsKey(source);
    }

    InputStream open(String name) throws IOException {
        return base.open(name);
    }

    static InputStream bytes(SourceFile f) {
        return new ByteArrayInputStream(f.content());
    }
}
