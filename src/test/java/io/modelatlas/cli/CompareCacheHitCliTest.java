package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Status;
import io.modelatlas.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code compare --cache-hit}: the monthly cost tables read that share of input at the cached-input price. */
class CompareCacheHitCliTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41Mini(), Fixtures.gpt4oMini(),
            Fixtures.text("acme-lite", "Acme Lite", "1", "2", null, 200_000L, 8_192L, "2025-01-01", "2024-01", Status.current(), List.of())));

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> CATALOG, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "",
                () -> { throw new IllegalStateException("no store in this test"); });
        int code = new Main(ctx).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void cache_hit_lowers_the_blended_price_by_the_cached_share_of_input() throws Exception {
        Run r = run("compare", "gpt-4o-mini", "acme-lite", "--cache-hit", "80", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode threeToOne = Json.mapper().readTree(r.out()).path("monthly_cost").get(1);
        // 3:1 blend: 3/4 input, of which 80% cached at $0.075 and 20% at $0.15; 1/4 output at $0.60
        BigDecimal input = new BigDecimal("0.8").multiply(new BigDecimal("0.075")).add(new BigDecimal("0.2").multiply(new BigDecimal("0.15")));
        BigDecimal expected = new BigDecimal("0.75").multiply(input).add(new BigDecimal("0.25").multiply(new BigDecimal("0.60")));
        assertThat(threeToOne.path("blended_usd_per_million").get(0).decimalValue()).isEqualByComparingTo(expected);
        // Acme Lite has no cached price: 3/4 x $1 + 1/4 x $2, and the answer says why
        assertThat(threeToOne.path("blended_usd_per_million").get(1).decimalValue()).isEqualByComparingTo("1.25");
        assertThat(threeToOne.path("cache_notes").get(1).asText()).startsWith("no cached-input price");
    }

    @Test
    void the_markdown_names_the_share_and_the_models_it_does_not_lower() {
        Run r = run("compare", "gpt-4o-mini", "acme-lite", "--cache-hit", "50");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("50% of input tokens read from the prompt cache at the cached-input price where one is published")
                .contains("Acme Lite: no cached-input price: all input tokens at the full input price.");
    }

    @Test
    void a_cache_hit_that_is_not_a_percentage_is_a_usage_error() {
        for (String bad : List.of("101", "-1", "half", "12.345")) {
            Run r = run("compare", "gpt-4o-mini", "acme-lite", "--cache-hit", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--cache-hit must be a percentage from 0 to 100");
        }
    }
}
