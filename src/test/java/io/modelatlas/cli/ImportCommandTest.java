package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
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
        backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
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

        // a fresh store, the fixed clock and dated sources: the whole history is the same on every run
        assertThat(run("history", "gpt-4.1-mini")).isZero();
        io.modelatlas.testing.Golden.assertMatches("cli/history-gpt-4.1-mini.txt", out.toString());
        assertThat(run("history", "gpt-4.1-mini", "--format", "json")).isZero();
        io.modelatlas.testing.Golden.assertMatches("cli/history-gpt-4.1-mini.json", out.toString());

        assertThat(run("import", "litellm", f.toString(), "--as-of", "2026-11-20")).isZero();
        assertThat(out.toString()).contains("identical to the stored data, nothing recorded");
    }

    @Test
    void history_shows_the_providers_dated_price_change_once_starred_as_the_providers_date() throws Exception {
        byte[] cut;
        try (var in = ImportCommandTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            cut = in.readAllBytes();
        }
        Path f = file("genaiprices.json", cut);
        assertThat(run("import", "genaiprices", f.toString(), "--as-of", "2026-08-21")).as(err.toString()).isZero();

        assertThat(run("history", "o3", "--field", "input")).as(err.toString()).isZero();
        // the store saw $2 on 2026-08-21; OpenAI's page dates the cut 2025-06-10: one line, at the provider's date
        assertThat(out.toString()).startsWith("o3: 2 values")
                .containsPattern("input\\s+\\$10\\.00 / 1M tokens\\s+unknown to 2025-06-10\\*\\s+\\[genai-prices openai/o3 citing "
                        + "https://developers\\.openai\\.com/api/docs/pricing; \\* provider's date\\]")
                .containsPattern("input\\s+\\$2\\.00 / 1M tokens\\s+2025-06-10\\* to now\\s+\\[genai-prices");
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
    void absurd_numbers_are_refused_at_import_with_the_key_named_and_nothing_changes() throws Exception {
        String good = MiniData.litellm();
        String before = state();
        record Case(String name, byte[] content, String expected) {}
        var cases = java.util.List.of(
                new Case("huge-price.json", MiniData.litellmWithMiniInput("1e99999"),
                        "huge-price.json at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens must be at most 1000000 USD per 1M tokens, got 1E+100005"),
                new Case("huge-text-price.json", MiniData.litellmWithMiniInput("\"1e99999\""), "huge-text-price.json at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens must be at most"),
                new Case("two-dollars-a-token.json", MiniData.litellmWithMiniInput("2"), "at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens must be at most 1000000"),
                new Case("tiny-price.json", MiniData.litellmWithMiniInput("1e-99999"), "at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens may have at most 20 decimal places"),
                new Case("huge-limit.json", good.replace("\"max_output_tokens\": 32768", "\"max_output_tokens\": 1e30").getBytes(StandardCharsets.UTF_8),
                        "huge-limit.json at $['azure/gpt-4.1'].max_output_tokens: a token count must be from 1 to 100,000,000, got 1E+30"),
                new Case("fractional-limit.json", good.replace("\"max_output_tokens\": 32768", "\"max_output_tokens\": 3.5").getBytes(StandardCharsets.UTF_8),
                        "at $['azure/gpt-4.1'].max_output_tokens: a token count must be a whole number, got 3.5"),
                new Case("huge-tier.json", good.replace("\"input_cost_per_token_batches\": 2e-07",
                        "\"input_cost_per_token_above_99999999999999999999k_tokens\": 2e-07").getBytes(StandardCharsets.UTF_8),
                        "at $['gpt-4.1-mini'].input_cost_per_token_above_99999999999999999999k_tokens: a token count must be from 1 to 100,000,000"));
        for (Case c : cases) {
            assertThat(run("import", "litellm", file(c.name(), c.content()).toString())).as(c.name()).isEqualTo(Main.FAILURE);
            assertThat(err.toString()).as(c.name()).startsWith("error: ").contains(c.expected());
            assertThat(state()).as(c.name()).isEqualTo(before);
        }
    }

    @Test
    void skip_invalid_leaves_out_an_entry_with_an_absurd_price_and_lists_it() throws Exception {
        Path f = file("huge.json", MiniData.litellmWithMiniInput("1e99999"));

        assertThat(run("import", "litellm", f.toString(), "--skip-invalid")).as(err.toString()).isZero();

        assertThat(err.toString()).contains("skipped: huge.json at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens must be at most");
        assertThat(backend.catalog().catalog().require("gpt-4.1-mini").offerings()).filteredOn(o -> o.provider().equals("openai"))
                .allSatisfy(o -> assertThat(o.prices().source().source()).as("priced by another source").isNotEqualTo("litellm"));
        assertThat(backend.catalog().catalog().require("gpt-4.1").offerings()).anyMatch(o -> o.provider().equals("openai"));
    }

    /** The mini LiteLLM file with gpt-4.1-mini's entry copied under each of {@code keys}, first in the file. */
    private static byte[] litellmWithKeys(String... keys) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(MiniData.litellm());
        var out = mapper.createObjectNode();
        for (String key : keys) {
            out.set(key, root.get("gpt-4.1-mini").deepCopy());
        }
        out.setAll(root);
        return mapper.writeValueAsBytes(out);
    }

    @Test
    void ids_that_are_paths_or_hold_control_characters_are_refused_at_import() throws Exception {
        String before = state();
        record Case(String key, String expected) {}
        var cases = java.util.List.of(
                new Case("..", "paths.json at $['..']: an id cannot be or hold the path segment \"..\""),
                new Case(".", "paths.json at $['.']: an id cannot be or hold the path segment \".\""),
                new Case("openai/../../index", "paths.json at $['openai/../../index']: an id cannot be or hold the path segment \"..\""),
                new Case("gpt\u0000nul", "paths.json at $['gpt\\u0000nul']: an id cannot hold control or bidi characters, found U+0000"),
                new Case("gpt\r\nx", "an id cannot hold control or bidi characters, found U+000D"),
                new Case("gpt-\u202Eevil", "an id cannot hold control or bidi characters, found U+202E"),
                new Case("x".repeat(257), "an id may be at most 256 characters long, got 257"));
        for (Case c : cases) {
            assertThat(run("import", "litellm", file("paths.json", litellmWithKeys(c.key())).toString())).as(c.key()).isEqualTo(Main.FAILURE);
            assertThat(err.toString()).as(c.key()).startsWith("error: ").contains(c.expected()).doesNotContain("\u0000");
            assertThat(state()).as(c.key()).isEqualTo(before);
        }
    }

    @Test
    void skip_invalid_imports_the_good_entries_and_lists_each_bad_id() throws Exception {
        Path f = file("paths.json", litellmWithKeys("..", ".", "gpt\u0000nul"));

        assertThat(run("import", "litellm", f.toString(), "--skip-invalid")).as(err.toString()).isZero();

        assertThat(err.toString().lines().filter(l -> l.startsWith("skipped: ")).toList()).containsExactly(
                "skipped: paths.json at $['..']: an id cannot be or hold the path segment \"..\": \"..\"",
                "skipped: paths.json at $['.']: an id cannot be or hold the path segment \".\": \".\"",
                "skipped: paths.json at $['gpt\\u0000nul']: an id cannot hold control or bidi characters, found U+0000 at 3: \"gpt\\u0000nul\"");
        assertThat(backend.catalog().catalog().models()).extracting(m -> m.id()).doesNotContain("..", ".", "gpt\u0000nul")
                .contains("gpt-4.1-mini", "gpt-4.1");
    }

    @Test
    void every_source_and_refresh_check_numbers_and_ids() throws Exception {
        String before = state();
        String modelsDev = new String(MiniData.sources().file("modelsdev").content(), StandardCharsets.UTF_8);
        String openRouter = new String(MiniData.sources().file("openrouter").content(), StandardCharsets.UTF_8);
        Path badModelsDev = file("md.json", modelsDev.replaceFirst("\"input\": [0-9.]+", "\"input\": 1e99999").getBytes(StandardCharsets.UTF_8));
        Path badModelsDevId = file("md-id.json", modelsDev.replace("\"gpt-4.1-mini\": {", "\"..\": {").getBytes(StandardCharsets.UTF_8));
        Path badOpenRouter = file("or.json", openRouter.replaceFirst("\"prompt\": \"[0-9.]+\"", "\"prompt\": \" 0.000003\"").getBytes(StandardCharsets.UTF_8));
        Path badOpenRouterId = file("or-id.json", openRouter.replace("\"id\": \"anthropic/claude-sonnet-4\"", "\"id\": \"anthropic/..\"").getBytes(StandardCharsets.UTF_8));
        Path badOpenRouterLimit = file("or-limit.json", openRouter.replace("\"context_length\": 1000000", "\"context_length\": 1e30").getBytes(StandardCharsets.UTF_8));

        assertThat(run("import", "modelsdev", badModelsDev.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).containsPattern("md\\.json at \\$\\['[a-z]+'\\]\\.models\\['[^']+'\\]\\.cost\\.input: a price per 1M tokens must be at most");
        assertThat(run("import", "modelsdev", badModelsDevId.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("md-id.json at $['openai'].models['..']: an id cannot be or hold the path segment");
        assertThat(run("import", "openrouter", badOpenRouter.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("or.json at $.data[0].pricing.prompt: expected a price as a number without spaces around it, got \" 0.000003\"");
        assertThat(run("import", "openrouter", badOpenRouterId.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("or-id.json at $.data[0].id: an id cannot be or hold the path segment \"..\"");
        assertThat(run("import", "openrouter", badOpenRouterLimit.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("or-limit.json at $.data[0].context_length: a token count must be from 1 to 100,000,000");
        assertThat(state()).isEqualTo(before);

        Path data = dir.resolve("data");
        copyTree(MiniData.dir(), data);
        Files.write(data.resolve("litellm/litellm.json"), MiniData.litellmWithMiniInput("1e99999"));
        assertThat(run("refresh", "--from", data.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("at $['gpt-4.1-mini'].input_cost_per_token: a price per 1M tokens must be at most");
        assertThat(state()).isEqualTo(before);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
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
        assertThat(err.toString()).contains("SOURCE must be one of litellm, modelsdev, openrouter, genaiprices, got 'huggingface'");
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
        String audit = out.toString();
        assertThat(run("admin", "list-tokens")).isZero();
        // times come from the fixed clock; the token itself is random and never listed
        io.modelatlas.testing.Golden.assertMatches("cli/admin-list-tokens-and-audit.txt", out.toString() + audit);
        assertThat(out.toString() + audit).doesNotContain(token);
    }
}
