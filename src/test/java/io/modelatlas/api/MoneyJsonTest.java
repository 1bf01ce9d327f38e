package io.modelatlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Money in JSON is the exact decimal text of the stored value: never a binary float, never rounded. */
class MoneyJsonTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final List<String> SOURCES = List.of("litellm/model_prices_and_context_window.json", "modelsdev/models-resolved.json",
            "openrouter/models.json");
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    @Test
    void the_model_listing_writes_no_money_with_digits_the_sources_do_not_hold() {
        String json = Json.write(new ModelSummaryJson.Page(catalog.models().size(), 0, catalog.models().size(),
                catalog.models().stream().map(ModelSummaryJson::from).toList()));
        Set<BigDecimal> inSources = sourceNumbers();
        Matcher m = Pattern.compile("\"(?:input|output)_usd_per_million\" : (\\S+?),?\\n").matcher(json);
        int long_ = 0;
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group(1));
            assertThat(m.group(1)).as("plain decimal, no exponent").doesNotContainIgnoringCase("e");
            if (v.stripTrailingZeros().precision() > 12) {
                long_++;
                // a float artefact must be the source's own text (per token, or per million), not our arithmetic
                assertThat(inSources.contains(v.stripTrailingZeros()) || inSources.contains(v.movePointLeft(6).stripTrailingZeros()))
                        .as("%s is in a source file's text", v).isTrue();
            }
        }
        assertThat(long_).as("the bundled sources do hold float artefacts (LiteLLM's 1.5000020000000002e-05)").isPositive();
    }

    @Test
    void a_price_is_written_with_every_digit_of_the_source_text() {
        // LiteLLM: "input_cost_per_token": 1.5000020000000002e-05 (its own binary-float artefact, kept exactly), on
        // Databricks' offering of Claude Opus 4.1, whose model price is Anthropic's own $15
        assertThat(Json.write(ModelJson.from(catalog.require("databricks-claude-opus-4-1"), catalog)))
                .contains("\"input\" : 15.000020000000002,").contains("\"qualified_id\" : \"databricks/databricks-claude-opus-4-1\"");
        // OpenRouter: "prompt": "0.00000100000000000000015", 18 significant digits: more than a double holds
        assertThat(Json.write(ModelSummaryJson.from(catalog.require("gpt-5.6-terra-pro")))).contains("\"input_usd_per_million\" : 1.00000000000000015,");
    }

    private static Set<BigDecimal> sourceNumbers() {
        Set<BigDecimal> out = new HashSet<>();
        for (String file : SOURCES) {
            try (InputStream in = CatalogLoader.class.getResourceAsStream("/io/modelatlas/catalog/data/" + file)) {
                Matcher m = NUMBER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(new BigDecimal(m.group()).stripTrailingZeros());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
