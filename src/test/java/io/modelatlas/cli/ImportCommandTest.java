package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.CatalogService;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelatlas import}, {@code refresh}, {@code history} and {@code admin} against a real SQLite store. */
class ImportCommandTest {
    @TempDir
    Path dir;
    private Store store;
    private StoreBackend backend;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void open() {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        backend = new StoreBackend(CatalogService.open(store, MiniData.sources(), MiniData.CLOCK), new AdminTokens(store, MiniData.CLOCK), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext ctx = new CliContext(() -> backend.catalog().catalog(), MiniData.CLOCK, new java.io.ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "", () -> backend);
        return new Main(ctx).run(args);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The store's state that a refused import must leave exactly as it was. */
    private String state() {
        return store.latestVersion() + "|" + store.history("gpt-4.1-mini") + "|" + backend.catalog().catalog().require("gpt-4.1-mini").offerings();
    }

    @Test
    void an_import_records_the_changes_and_history_shows_them() throws Exception {
        Path f = file("litellm-2026-11.json", MiniData.litellmWithMiniInput("3.5e-07"));

        assertThat(run("import", "litellm", f.toString(), "--as-of", "2026-11-20")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("catalog version 3", "litellm litellm-2026-11.json (2026-11-20)", "values started");

        assertThat(run("history", "gpt-4.1-mini", "--field", "input")).isZero();
        assertThat(out.toString()).containsPattern("input\\s+\\$0\\.40 / 1M tokens\\s+2025-11-21 to 2026-11-20\\s+\\[litellm\\]")
                .containsPattern("input\\s+\\$0\\.35 / 1M tokens\\s+2026-11-20 to now\\s+\\[litellm\\]");

        assertThat(run("import", "litellm", f.toString(), "--as-of", "2026-11-20")).isZero();
        assertThat(out.toString()).contains("identical to the stored data, nothing recorded");
    }

    @Test
    void corrupted_files_are_refused_with_their_place_named_and_nothing_changes() throws Exception {
        String good = MiniData.litellm();
        String before = state();
        byte[] garbage = new byte[50 * 1024 * 1024];
        new Random(42).nextBytes(garbage);
        record Case(String name, byte[] content, String expected) {}
        var cases = java.util.List.of(
                new Case("truncated.json", good.substring(0, good.length() - 200).getBytes(StandardCharsets.UTF_8), "truncated.json at line"),
                new Case("wrong-type.json", good.replace("\"max_output_tokens\": 32768", "\"max_output_tokens\": \"lots\"").getBytes(StandardCharsets.UTF_8),
                        "wrong-type.json at $['azure/gpt-4.1'].max_output_tokens: expected a whole number of tokens, got \"lots\""),
                new Case("negative.json", MiniData.litellmWithMiniInput("-4e-07"), "negative.json at $['gpt-4.1-mini'].input_cost_per_token: a price cannot be negative"),
                new Case("text-price.json", MiniData.litellmWithMiniInput("\"free\""), "expected a price as a number, got \"free\""),
                new Case("garbage.bin", garbage, "garbage.bin at line 1"),
                new Case("empty.json", "{}".getBytes(StandardCharsets.UTF_8), "holds no usable model entry"),
                new Case("array.json", "[1, 2]".getBytes(StandardCharsets.UTF_8), "expected a JSON object of model entries"));
        for (Case c : cases) {
            assertThat(run("import", "litellm", file(c.name(), c.content()).toString())).as(c.name()).isEqualTo(Main.FAILURE);
            assertThat(err.toString()).as(c.name()).startsWith("error: ").contains(c.expected());
            assertThat(state()).as(c.name()).isEqualTo(before);
        }
    }

    @Test
    void skip_invalid_imports_the_good_entries_and_lists_each_bad_one() throws Exception {
        Path f = file("some-bad.json", MiniData.litellmWithMiniInput("-1"));

        assertThat(run("import", "litellm", f.toString(), "--skip-invalid")).as(err.toString()).isZero();

        assertThat(err.toString()).contains("skipped: some-bad.json at $['gpt-4.1-mini'].input_cost_per_token: a price cannot be negative: -1");
        assertThat(err.toString().lines().filter(l -> l.startsWith("skipped: ")).count()).isEqualTo(1);
        assertThat(out.toString()).contains("skipped");
        assertThat(backend.catalog().catalog().require("gpt-4.1").offerings()).anyMatch(o -> o.provider().equals("openai"));
    }

    @Test
    void refresh_from_the_same_data_records_nothing() {
        assertThat(run("refresh", "--from", MiniData.dir().toString())).isZero();
        assertThat(out.toString()).contains("nothing recorded");
        assertThat(run("refresh", "--from", dir.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("has no sources.toml");
    }

    @Test
    void unknown_sources_and_missing_files_are_usage_errors() {
        assertThat(run("import", "huggingface", "x.json")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("SOURCE must be one of litellm, modelsdev, openrouter, got 'huggingface'");
        assertThat(run("import", "litellm", dir.resolve("missing.json").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("missing.json: no such file");
    }

    @Test
    void admin_tokens_are_printed_once_listed_by_name_and_revocable() {
        assertThat(run("admin", "create-token", "deploy-bot")).isZero();
        String token = out.toString().trim();
        assertThat(token).startsWith("ma_");
        assertThat(err.toString()).contains("not shown again");
        assertThat(run("admin", "create-token", "deploy-bot")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("already exists");

        assertThat(run("admin", "list-tokens")).isZero();
        assertThat(out.toString()).contains("deploy-bot").doesNotContain(token);
        assertThat(run("admin", "revoke-token", "deploy-bot")).isZero();
        assertThat(backend.tokens().verify(token)).isEmpty();
        assertThat(run("admin", "revoke-token", "deploy-bot")).isEqualTo(Main.USAGE);
        assertThat(run("admin", "audit")).isZero();
        assertThat(out.toString()).contains("create-token", "revoke-token", "tokens/deploy-bot");
    }
}
