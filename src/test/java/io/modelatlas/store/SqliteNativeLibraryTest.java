package io.modelatlas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/** The SQLite driver's native library is copied once into a folder of ours and loaded from there. */
class SqliteNativeLibraryTest {
    private static final java.util.List<String> PROPERTIES = java.util.List.of("org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir");
    private final java.util.Map<String, String> before = new java.util.HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void clearTheDriversSettings() {
        PROPERTIES.forEach(p -> {
            before.put(p, System.getProperty(p));
            System.clearProperty(p);
        });
    }

    @org.junit.jupiter.api.AfterEach
    void restoreTheDriversSettings() {
        PROPERTIES.forEach(p -> {
            if (before.get(p) == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, before.get(p));
            }
        });
    }

    @Test
    void the_library_is_copied_once_whole_and_the_driver_opens_files_with_it(@TempDir Path home) throws Exception {
        SqliteNativeLibrary.useCopyIn(home.resolve("native"));

        Path dir = Path.of(System.getProperty("org.sqlite.lib.path"));
        Path library = dir.resolve(System.getProperty("org.sqlite.lib.name"));
        assertThat(dir).startsWith(home);
        byte[] shipped;
        try (InputStream in = getClass().getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            shipped = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(library)).isEqualTo(shipped);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no half-written copy left").containsExactly(library);
        }

        FileTime written = Files.getLastModifiedTime(library);
        System.clearProperty("org.sqlite.lib.path");
        SqliteNativeLibrary.useCopyIn(home.resolve("native"));
        assertThat(Files.getLastModifiedTime(library)).as("not copied again").isEqualTo(written);

        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + home.resolve("x.db"), new java.util.Properties());
             var rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void a_folder_that_cannot_be_written_leaves_the_driver_to_its_own_copying(@TempDir Path home) throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");

        SqliteNativeLibrary.useCopyIn(file.resolve("native"));

        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }

    @Test
    void a_later_start_goes_where_the_first_starts_note_says_without_looking_up_the_platform(@TempDir Path home) throws Exception {
        Path folder = home.resolve("native");
        SqliteNativeLibrary.useCopyIn(folder);
        Path copied = Path.of(System.getProperty("org.sqlite.lib.path")).resolve(System.getProperty("org.sqlite.lib.name"));
        Path note;
        try (Stream<Path> files = Files.list(folder)) {
            note = files.filter(f -> f.getFileName().toString().startsWith("library-")).findFirst().orElseThrow();
        }
        assertThat(folder.resolve(Files.readString(note))).isEqualTo(copied);

        // the note is followed as written: pointed at another copy, the next start uses that one
        Path moved = Files.createDirectories(folder.resolve("elsewhere")).resolve(copied.getFileName());
        Files.copy(copied, moved);
        Files.writeString(note, "elsewhere/" + copied.getFileName());
        System.clearProperty("org.sqlite.lib.path");
        SqliteNativeLibrary.useCopyIn(folder);
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(moved.getParent().toString());

        // a note naming a copy that is gone, or a place outside the folder, is not followed: the copy is made again
        for (String stale : new String[] {"elsewhere/gone.so", "../../etc/" + copied.getFileName()}) {
            Files.writeString(note, stale);
            System.clearProperty("org.sqlite.lib.path");
            SqliteNativeLibrary.useCopyIn(folder);
            assertThat(Path.of(System.getProperty("org.sqlite.lib.path"))).as(stale).isEqualTo(copied.getParent());
            assertThat(folder.resolve(Files.readString(note))).as(stale).isEqualTo(copied);
        }
    }
}
