package io.modelatlas.bench;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.check.ArticleChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 17's bound: a 5,000-word article is checked in under a second on a warm server. The article is seeds 000,
 * 004 and 003 one after another (4,859 words, 60 claims), checked against the bundled catalog. Run:
 * {@code bench/jmh.sh ArticleCheckBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArticleCheckBench {
    private ArticleChecker checker;
    private String article;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Catalog catalog = CatalogLoader.loadBundled();
        checker = new ArticleChecker(catalog);
        Path seeds = Path.of("src/test/resources/seeds");
        StringBuilder text = new StringBuilder();
        for (String seed : new String[] {"000_a18103395aa4cb18.txt", "004_ce3ede9a691f0570.txt", "003_02c6c5278d37fd31.txt"}) {
            text.append(Files.readString(seeds.resolve(seed), StandardCharsets.UTF_8));
        }
        article = text.toString();
        checker.check("warm-up", article, null); // builds the catalog's identity index, as a server's first check does
    }

    @Benchmark
    public int check5000Words() {
        return checker.check("bench", article, null).claims().size();
    }
}
