package io.modelatlas.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc copies its native library (1.1 MB) out of the jar into the temporary folder on every start, under a
 * new name, and reads both copies back to compare them: about a twentieth of a short CLI command. This keeps one copy
 * per driver version in a folder of ours and points the driver at it; the driver falls back to its own copying when
 * that copy cannot be loaded.
 *
 * <p>Finding which library the jar carries for this platform costs more than loading it: the driver's platform check
 * starts a {@code uname} process, and its version is read from a file in the jar. So the first start leaves a note
 * beside the copy, named by the platform and by the driver's jar (its size and time), saying where the copy is; later
 * starts of the same jar read the note and skip both.
 */
public final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {}

    /**
     * Points sqlite-jdbc at its library in {@code folder}, copying it there first when it is missing. Does nothing when
     * the library path is already set, the jar carries no library for this platform, or the folder cannot be written:
     * the driver then copies the library as it always does.
     */
    public static void useCopyIn(Path folder) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        Optional<Path> note = note(folder);
        Optional<Path> noted = note.flatMap(SqliteNativeLibrary::read);
        if (noted.isPresent() && Files.isRegularFile(noted.get())) {
            use(noted.get().getParent(), noted.get().getFileName().toString());
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path dir = folder.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + resource.replaceAll("[^A-Za-z0-9.]+", "-"));
        Path library = dir.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path part = Files.createTempFile(dir, name, ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    // whole or not at all: another process may be loading it already
                    Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (note.isPresent()) {
                Path part = Files.createTempFile(folder, "note", ".part");
                Files.writeString(part, folder.relativize(library).toString());
                Files.move(part, note.get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        use(dir, name);
    }

    private static void use(Path dir, String name) {
        System.setProperty("org.sqlite.lib.path", dir.toString());
        System.setProperty("org.sqlite.lib.name", name);
        // its start-up sweep of old copies then looks in our folder, not the whole temporary folder
        System.setProperty("org.sqlite.tmpdir", dir.toString());
    }

    /** The note for this platform and this driver jar; empty when the driver was not loaded from a jar file. */
    private static Optional<Path> note(Path folder) {
        try {
            Path jar = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            String key = System.getProperty("os.name") + "-" + System.getProperty("os.arch") + "-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis();
            return Optional.of(folder.resolve("library-" + key.replaceAll("[^A-Za-z0-9.-]+", "_") + ".txt"));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The library a note names, inside the folder; empty when there is no note or it names a place outside. */
    private static Optional<Path> read(Path note) {
        try {
            Path folder = note.getParent().toAbsolutePath().normalize();
            Path library = folder.resolve(Files.readString(note).trim()).normalize();
            return library.startsWith(folder) && !library.equals(folder) ? Optional.of(library) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
