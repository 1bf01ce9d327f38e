package io.modelatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.fixtures.Fixtures;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A catalog that reads each model on first use finds the same models as one built whole, reading only those asked for. */
class LazyCatalogTest {
    private final List<Model> models = List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini());
    private final ConcurrentHashMap<Integer, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final AtomicInteger summaryReads = new AtomicInteger();

    private Catalog lazy() {
        return Catalog.lazy(models.stream().map(ModelNames::of).toList(), () -> {
            summaryReads.incrementAndGet();
            return models.stream().map(ModelSummary::of).toList();
        }, i -> {
            reads.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
            return models.get(i);
        }, List.of(), c -> Leaderboards.ofModels(c.models()));
    }

    @Test
    void finding_a_model_by_any_of_its_names_reads_that_model_alone() {
        Catalog lazy = lazy();
        Catalog whole = Catalog.of(models);

        for (String query : List.of("gpt-4.1-mini", "GPT-4.1 Mini", "openai/gpt-4.1-mini", "4.1 mini")) {
            assertThat(lazy.find(query)).as(query).isEqualTo(whole.find(query));
        }
        assertThat(lazy.find("gpt-4.1-mini")).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo("gpt-4.1-mini"));
        assertThat(reads.keySet()).containsExactly(models.indexOf(Fixtures.gpt41Mini()));
        assertThat(lazy.suggest("gpt-4.1-mni", 3)).isEqualTo(whole.suggest("gpt-4.1-mni", 3));
        assertThat(reads).hasSize(1).as("suggestions are made from names").allSatisfy((i, n) -> assertThat(n.get()).isEqualTo(1));
        assertThat(summaryReads).as("finding a model reads no summary").hasValue(0);
    }

    @Test
    void summaries_are_read_once_on_first_use_and_are_those_of_the_models() {
        Catalog lazy = lazy();

        assertThat(lazy.summary("gpt-4.1-mini")).hasValue(ModelSummary.of(Fixtures.gpt41Mini()));
        assertThat(lazy.summaries()).isEqualTo(Catalog.of(models).summaries());
        assertThat(lazy.summary("no-such-model")).isEmpty();
        assertThat(summaryReads).hasValue(1);
        assertThat(lazy.modelsRead()).isZero();
    }

    @Test
    void a_model_asked_for_by_many_threads_at_once_is_read_once_or_equal() {
        Catalog lazy = lazy();

        List<Model> seen = IntStream.range(0, 64).parallel().mapToObj(i -> lazy.models().get(i % models.size())).toList();

        assertThat(seen).allSatisfy(m -> assertThat(m).isSameAs(lazy.models().get(models.indexOf(m))));
        assertThat(lazy.models()).isEqualTo(models);
    }

    @Test
    void the_bundled_snapshot_reads_lazily_and_whole_the_same() {
        byte[] bytes = BundledSnapshot.bytes();
        Catalog catalog = CatalogSnapshot.read(bytes, CatalogSnapshot.keyOf(bytes)).orElseThrow();
        Model mini = catalog.find("gpt-4.1-mini").orElseThrow();

        assertThat(catalog.byId("gpt-4.1-mini")).containsSame(mini);
        assertThat(catalog.versions(catalog.require("gpt-4o"))).extracting(Model::id).contains("gpt-4o-2024-05-13");
        assertThat(CatalogSnapshot.write(catalog, "k", "m")).isEqualTo(CatalogSnapshot.write(Catalog.of(catalog.models(), catalog.sources(),
                c -> catalog.leaderboards()), "k", "m"));
    }
}
