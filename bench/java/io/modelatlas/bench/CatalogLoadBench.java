package io.modelatlas.bench;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.source.CatalogLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Loading the whole bundled catalog (parse three sources, merge ~8,000 offerings), with and without the leaderboards
 * (24,000 published scores read and mapped), warm. Cold runs: bench/startup.sh.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogLoadBench {
    @Benchmark
    public Catalog loadBundled() {
        return CatalogLoader.loadBundled();
    }

    /** The same, then the five leaderboards read and every published name mapped (what a comparison needs). */
    @Benchmark
    public Leaderboards loadBundledWithLeaderboards() {
        return CatalogLoader.loadBundled().leaderboards();
    }
}
