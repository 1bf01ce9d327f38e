package io.modelatlas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: a test's output must equal the reviewed file. Run with
 * {@code -Dgolden.update=true} to rewrite them, then review the diff like code.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file) && Boolean.getBoolean("golden.create")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s is missing: run with -Dgolden.update=true and review it", file).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(actual).as("output differs from golden %s (rerun with -Dgolden.update=true and review the diff)", file).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
