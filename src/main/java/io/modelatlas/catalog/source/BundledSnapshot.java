package io.modelatlas.catalog.source;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.snapshot.SnapshotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * The snapshot of the bundled catalog that the build writes into the jar (see the {@code catalog-snapshot} execution
 * in pom.xml), so that a command reads the catalog instead of parsing and merging 7 MB of sources on every start.
 *
 * <p>Beside it the build lists the data files it was made from, each with its size and CRC-32. A start checks that
 * list against the files it would merge: from a jar the sizes and CRCs are in the jar's directory, so the check reads
 * none of the 11 MB (hashing them on a cold JVM took longer than reading the snapshot); from a folder of classes it
 * reads them. A data file edited since the build makes the start merge, as without a snapshot.
 */
public final class BundledSnapshot {
    /** Beside the classes, not among the data files: it is made from them. */
    static final String RESOURCE = "/io/modelatlas/catalog/snapshot/bundled.snapshot";
    /** The catalog of the earlier copies the data set lists under [[history]]: a new store's first version. */
    static final String HISTORY = "/io/modelatlas/catalog/snapshot/bundled-history.snapshot";
    static final String FILES = "/io/modelatlas/catalog/snapshot/bundled.files";
    /** Each importable source's bundled content date ({@code SOURCE YYYY-MM-DD}), so a start need not parse sources.toml. */
    static final String AS_OF = "/io/modelatlas/catalog/snapshot/bundled.asof";
    /** More than the header takes (a format version, a 64-digit key, a build label): the stamp needs no more. */
    private static final int HEADER_BYTES = 1024;

    private BundledSnapshot() {}

    /** The bundled snapshot's bytes, or null when the jar has none (classes built without the Maven build). */
    public static byte[] bytes() {
        return resource(RESOURCE);
    }

    /**
     * The bundled catalog from the snapshot, when there is one and every data file it was made from is unchanged;
     * empty otherwise (no snapshot, an edited file, an unreadable snapshot), and the caller merges.
     */
    public static Optional<Catalog> readBundled() {
        return readChecked(RESOURCE);
    }

    /**
     * The catalog of the bundled data set with its earlier copies ({@link SourceSet#historicFiles()}) in place of the
     * current files, from its snapshot, when every data file is unchanged; empty otherwise. A new store's history
     * starts from it.
     */
    public static Optional<Catalog> readHistory() {
        return readChecked(HISTORY);
    }

    private static Optional<Catalog> readChecked(String snapshot) {
        byte[] files = resource(FILES);
        if (files == null || !unchanged(new String(files, StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        byte[] bytes = resource(snapshot);
        String key = bytes == null ? null : CatalogSnapshot.keyOf(bytes);
        return key == null ? Optional.empty() : read(bytes, key);
    }

    /**
     * The catalog of {@code set} from the bundled snapshot, when there is one and it was made from exactly these
     * sources (the same {@link SourceSet#fingerprint()}); empty otherwise.
     */
    public static Optional<Catalog> read(SourceSet set) {
        byte[] bytes = bytes();
        return bytes == null ? Optional.empty() : read(bytes, set.fingerprint());
    }

    private static Optional<Catalog> read(byte[] bytes, String key) {
        try {
            return CatalogSnapshot.read(bytes, key);
        } catch (SnapshotException e) {
            return Optional.empty(); // a cache that cannot be read is no catalog: merge as without one
        }
    }

    /**
     * What tells this build of the catalog code and bundled data from any other (see {@link CatalogSnapshot#stamp}), or
     * null when the jar has no bundled snapshot or a data file changed since the build.
     */
    public static String stamp() {
        byte[] files = resource(FILES);
        if (files == null || !unchanged(new String(files, StandardCharsets.UTF_8))) {
            return null;
        }
        try (InputStream in = BundledSnapshot.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : CatalogSnapshot.stamp(in.readNBytes(HEADER_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled catalog snapshot", e);
        }
    }

    /**
     * Each importable source's bundled content date as the build read it from sources.toml; empty when the jar has
     * none. It holds only while the data files are the build's: pair it with {@link #stamp()}, which is null when one
     * changed (the check is not repeated here: a start does it once).
     */
    public static Map<String, LocalDate> importableAsOf() {
        byte[] asOf = resource(AS_OF);
        if (asOf == null) {
            return Map.of();
        }
        Map<String, LocalDate> out = new LinkedHashMap<>();
        for (String line : new String(asOf, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split(" ", 2);
                out.put(f[0], LocalDate.parse(f[1]));
            }
        }
        return out;
    }

    /** Each line {@code CRC32 SIZE NAME}: true when every named data file still has that size and CRC. */
    static boolean unchanged(String list) {
        for (String line : list.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ", 3);
            if (f.length != 3 || !(f[0] + " " + f[1]).equals(crcAndSize(f[2]))) {
                return false;
            }
        }
        return true;
    }

    /** {@code CRC32 SIZE} of a bundled data file, from the jar's directory when it is in a jar; null when missing. */
    private static String crcAndSize(String name) {
        URL url = BundledSnapshot.class.getResource(CatalogLoader.BUNDLED + name);
        if (url == null) {
            return null;
        }
        try {
            if (url.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(true); // the jar the classes come from, already open
                JarEntry e = jar.getJarEntry();
                return Long.toHexString(e.getCrc()) + " " + e.getSize();
            }
            try (InputStream in = url.openStream()) {
                return crcAndSize(in.readAllBytes());
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static String crcAndSize(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return Long.toHexString(crc.getValue()) + " " + content.length;
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundledSnapshot.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Writes the snapshot of the bundled sources, and the list of the data files it was made from, into the folder
     * named by the first argument (run by the build, into target/classes).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundledSnapshot CLASSES_FOLDER");
        }
        SourceSet set = SourceSet.bundled();
        Catalog catalog = CatalogLoader.load(set);
        Path root = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        SourceSet history = set;
        for (SourceSet.SourceFile f : set.historicFiles()) {
            history = history.with(f);
        }
        List<String> names = new ArrayList<>(set.ownFiles());
        set.historicFiles().forEach(f -> names.add(f.fileName()));
        for (String name : names) {
            try (InputStream in = set.open(name)) {
                // the two fields joined as the start compares them: CRC and size in one text
                String[] crcSize = crcAndSize(in.readAllBytes()).split(" ");
                lines.add(crcSize[0] + " " + crcSize[1] + " " + name);
            }
        }
        Path snapshot = root.resolve(RESOURCE.substring(1));
        Files.createDirectories(snapshot.getParent());
        // a new build's stamp differs even for the same data: a store never reuses what another build of the merge made
        Files.write(snapshot, CatalogSnapshot.write(catalog, set.fingerprint(), "build of " + Instant.now()));
        Files.write(root.resolve(HISTORY.substring(1)), CatalogSnapshot.write(CatalogLoader.load(history), history.fingerprint(), "build of " + Instant.now()));
        Files.write(root.resolve(FILES.substring(1)), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder asOf = new StringBuilder();
        SourceSet.IMPORTABLE.forEach(source -> asOf.append(source).append(' ').append(set.ownAsOf(source)).append('\n'));
        Files.write(root.resolve(AS_OF.substring(1)), asOf.toString().getBytes(StandardCharsets.UTF_8));
    }
}
