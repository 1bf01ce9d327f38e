package io.modelatlas.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceFormatException;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.fixtures.MiniData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every importer, fed damaged copies of a real file: each one is either read, or refused with a SourceFormatException
 * that names the file. Nothing else may escape (no NullPointerException, no stack overflow, no "0" for a broken
 * price), and a file that passes the check also loads.
 */
class ImporterFuzzTest {
    private static final int CASES = 150;

    @ParameterizedTest
    @ValueSource(strings = {"litellm", "modelsdev", "openrouter"})
    void damaged_files_are_read_or_refused_with_their_place_named(String source) {
        SourceSet set = MiniData.sources();
        SourceSet.SourceFile original = set.file(source);
        fuzz(set, source, new String(original.content(), StandardCharsets.UTF_8));
    }

    /** genai-prices is not in the mini data set: its test cut (src/test/resources/genaiprices) is damaged instead. */
    @org.junit.jupiter.api.Test
    void damaged_genai_prices_files_are_read_or_refused_with_their_place_named() throws java.io.IOException {
        try (java.io.InputStream in = ImporterFuzzTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            fuzz(MiniData.sources(), "genaiprices", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void fuzz(SourceSet set, String source, String text) {
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int seed = 0; seed < CASES; seed++) {
            byte[] damaged = new Mutator(seed).mutateJson(text);
            for (boolean skipInvalid : new boolean[] {false, true}) {
                SourceSet.SourceFile file = new SourceSet.SourceFile(source, "fuzz.json", LocalDate.of(2026, 11, 23), skipInvalid, damaged);
                try {
                    CatalogLoader.check(file);
                    CatalogLoader.load(set.with(file));
                } catch (SourceFormatException e) {
                    refused++;
                    if (!e.getMessage().startsWith("fuzz.json")) {
                        failures.add("seed " + seed + ": message does not name the file: " + e.getMessage());
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add("seed " + seed + (skipInvalid ? " (--skip-invalid)" : "") + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("the mutations do damage the file").isGreaterThan(CASES / 4);
    }
}
