package io.modelatlas.bench;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.Comparison;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.Usage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The cost of pricing one request, and of building one comparison, on fixture models. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostBench {
    private final PriceSheet sheet = Fixtures.gpt41Mini().prices().orElseThrow();
    private final Usage usage = Usage.of(12_345, 2_000, 678);
    private final Comparer comparer = new Comparer(Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51())));
    private final List<io.modelatlas.catalog.Model> pair = List.of(Fixtures.gpt4oMini(), Fixtures.gpt41Mini());

    @Benchmark
    public Cost priceOneRequest() {
        return CostCalculator.price(sheet, usage);
    }

    @Benchmark
    public Comparison compareTwoModels() {
        return comparer.compare(pair);
    }
}
