package io.modelatlas.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc copies its native library (1.1 MB) out of the jar into the temporary folder on every start, under a
 * new name, and reads both copies back to compare them: about a twentieth of a short CLI command. This keeps one copy
 * per driver version in a folder of ours and points the driver at it; the driver falls back to its own copying when
 * that copy cannot be loaded.
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
        } catch (IOException | RuntimeException e) {
            return;
        }
        System.setProperty("org.sqlite.lib.path", dir.toString());
        System.setProperty("org.sqlite.lib.name", name);
        // its start-up sweep of old copies then looks in our folder, not the whole temporary folder
        System.setProperty("org.sqlite.tmpdir", dir.toString());
    }
}
