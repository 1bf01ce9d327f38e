package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.source.CatalogLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model limits at the command line's doors (cost, compare, replay), on the real bundled catalog. */
class LimitsCliTest {
    private static Catalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "",
                () -> { throw new IllegalStateException("no store in this test"); });
        int code = new Main(ctx).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void cost_over_gpt_5_minis_max_input_is_priced_with_a_warning() {
        Run r = run("cost", "gpt-5-mini", "--input-tokens", "300000", "--output-tokens", "1000");
        assertThat(r.code()).isZero();
        // 300,000 x $0.25 + 1,000 x $2.00, per million: what it would cost, with the refusal said plainly
        assertThat(r.out()).contains("total          $0.077 (exact: 0.077)")
                .contains("warning: openai/gpt-5-mini does not fit: 300,000 input tokens > max input 272,000; the provider would refuse this request");
    }

    @Test
    void cost_strict_refuses_a_request_over_a_limit_with_exit_code_1() {
        Run r = run("cost", "gpt-5-mini", "--input-tokens", "300000", "--output-tokens", "1000", "--strict");
        assertThat(r.code()).isEqualTo(Main.FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("openai/gpt-5-mini does not fit: 300,000 input tokens > max input 272,000");
        assertThat(run("cost", "gpt-5-mini", "--input-tokens", "272000", "--output-tokens", "128000", "--strict").code()).isZero();
    }

    @Test
    void cost_json_says_fits_false_and_which_limit_by_how_much() throws Exception {
        JsonNode j = run("cost", "gpt-5-mini", "--input-tokens", "300000", "--output-tokens", "1000", "--format", "json").json();
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("exceeds")).hasSize(1);
        assertThat(j.get("exceeds").get(0).get("limit").asText()).isEqualTo("max_input_tokens");
        assertThat(j.get("exceeds").get(0).get("limit_tokens").asLong()).isEqualTo(272_000);
        assertThat(j.get("exceeds").get(0).get("requested_tokens").asLong()).isEqualTo(300_000);
        assertThat(j.get("total_usd").decimalValue()).isEqualByComparingTo("0.077");
        JsonNode ok = run("cost", "gpt-5-mini", "--input-tokens", "1000", "--output-tokens", "100", "--format", "json").json();
        assertThat(ok.get("fits").asBoolean()).isTrue();
        assertThat(ok.has("exceeds")).isFalse();
        assertThat(ok.get("limits").get("max_input_tokens").asLong()).isEqualTo(272_000);
    }

    @Test
    void cost_of_qwen_flash_uses_alibabas_tiered_pricing() {
        // range [256000, 1000000] of LiteLLM's tiered_pricing for DashScope, Alibaba's own API: 300,000 x $0.25 + 1,000 x $2.00, per million
        Run r = run("cost", "qwen-flash", "--input-tokens", "300000", "--output-tokens", "1000");
        assertThat(r.out()).as(r.err()).contains("total          $0.077 (exact: 0.077)");
    }

    @Test
    void cost_of_159k_output_on_a_4k_output_model_warns() {
        Run r = run("cost", "chatgpt-4o-latest", "--input-tokens", "1000", "--output-tokens", "159000");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("does not fit: ").contains("159,000 output tokens > max output 4,096");
        assertThat(run("cost", "chatgpt-4o-latest", "--input-tokens", "1000", "--output-tokens", "159000", "--strict").code()).isEqualTo(Main.FAILURE);
    }

    @Test
    void the_long_document_scenario_is_not_priced_on_a_131k_input_model() throws Exception {
        Run md = run("compare", "deepseek-chat", "gpt-4.1-mini", "--format", "markdown");
        assertThat(md.code()).as(md.err()).isZero();
        // not a price, and so never the cheaper one: GPT-4.1 Mini's $61.60 stands alone
        assertThat(md.out()).contains("| Long document | 150,000 / 0 / 1,000 | does not fit: 151,000 tokens (input + output) \\> context window 131,072; 150,000 input tokens \\> max input 131,072 | $61.60 | — |");
        JsonNode longDoc = null;
        for (JsonNode s : run("compare", "deepseek-chat", "gpt-4.1-mini", "--format", "json").json().get("scenarios")) {
            if (s.get("id").asText().equals("long-doc")) {
                longDoc = s;
            }
        }
        assertThat(longDoc).isNotNull();
        JsonNode cell = longDoc.get("costs").get(0);
        assertThat(cell.has("cost_per_request_usd")).isFalse();
        assertThat(cell.get("fits").asBoolean()).isFalse();
        assertThat(cell.get("exceeds").get(0).get("limit").asText()).isEqualTo("context_window");
        assertThat(cell.get("exceeds").get(1).get("limit").asText()).isEqualTo("max_input_tokens");
        assertThat(cell.get("note").asText())
                .isEqualTo("does not fit: 151,000 tokens (input + output) > context window 131,072; 150,000 input tokens > max input 131,072");
        assertThat(longDoc.has("cheapest")).isFalse();
        assertThat(longDoc.get("costs").get(1).get("fits").asBoolean()).isTrue();
    }

    private Path log(String... lines) throws Exception {
        Path p = dir.resolve("log.jsonl");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private static List<String> ids(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("models").forEach(m -> ids.add(m.get("model_id").asText()));
        return ids;
    }

    @Test
    void replay_all_prices_chat_models_only_unless_asked() throws Exception {
        Path log = log("{\"model\":\"gpt-5-mini\",\"input_tokens\":1000,\"output_tokens\":100}");
        List<String> chat = ids(run("replay", log.toString(), "--all", "--format", "json", "--progress", "never").json());
        assertThat(chat).isNotEmpty().allSatisfy(id -> assertThat(catalog.require(id).type()).isEqualTo(ModelType.CHAT));
        List<String> any = ids(run("replay", log.toString(), "--all", "--type", "any", "--format", "json", "--progress", "never").json());
        assertThat(any).anySatisfy(id -> assertThat(catalog.require(id).type()).isEqualTo(ModelType.EMBEDDING)).hasSizeGreaterThan(chat.size());
        assertThat(run("replay", log.toString(), "--all", "--type", "robot", "--progress", "never").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void replay_all_top_keeps_the_cheapest() throws Exception {
        Path log = log("{\"model\":\"gpt-5-mini\",\"input_tokens\":1000,\"output_tokens\":100}");
        JsonNode top = run("replay", log.toString(), "--all", "--top", "5", "--format", "json", "--progress", "never").json();
        List<String> all = ids(run("replay", log.toString(), "--all", "--format", "json", "--progress", "never").json());
        assertThat(ids(top)).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(top.get("notes").toString()).contains("the 5 cheapest of " + String.format("%,d", all.size()) + " models priced are shown");
        assertThat(run("replay", log.toString(), "--all", "--top", "0", "--progress", "never").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void replay_counts_requests_over_max_input_as_cost_does() throws Exception {
        Path log = log("{\"model\":\"gpt-5-mini\",\"input_tokens\":300000,\"output_tokens\":1000}",
                "{\"model\":\"gpt-5-mini\",\"input_tokens\":1000,\"output_tokens\":100}");
        JsonNode report = run("replay", log.toString(), "--models", "gpt-5-mini,chatgpt-4o-latest", "--format", "json", "--progress", "never").json();
        JsonNode mini = report.get("models").get(ids(report).indexOf("gpt-5-mini"));
        assertThat(mini.get("over_max_input").asLong()).isEqualTo(1);
        assertThat(mini.get("over_context").asLong()).isZero();
        JsonNode old = report.get("models").get(ids(report).indexOf("chatgpt-4o-latest"));
        assertThat(old.get("over_max_input").asLong()).isEqualTo(1); // 300,000 > 128,000
    }
}
