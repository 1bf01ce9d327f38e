package io.modelatlas.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.modelatlas.tokens.TokenCounter;
import io.modelatlas.tokens.TokenCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * o200k_base counting, jtokkit against ModelAtlas's BPE, on the first megabyte of each corpus file of
 * bench/tokens/build-corpus.sh ({@code requests.jsonl}: all of its short texts, each counted on its own). One
 * operation counts {@code bytes} UTF-8 bytes, so MB/s = bytes / (ms/op) / 1000. Run: {@code bench/jmh.sh TokenCountBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenCountBench {
    @Param({"en-prose.txt", "java-code.txt", "ja.txt", "zh.txt", "ru.txt", "requests.jsonl"})
    public String file;

    private final Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private final TokenCounter modelatlas = TokenCounters.forEncoding("o200k_base");
    private List<String> texts;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path path = Path.of(System.getProperty("corpus", "bench/tokens/corpus"), file);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: run bench/tokens/build-corpus.sh first");
        }
        String raw = Files.readString(path, StandardCharsets.UTF_8);
        texts = new ArrayList<>();
        if (file.endsWith(".jsonl")) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : raw.split("\n")) {
                texts.add(json.readValue(line, String.class));
            }
        } else {
            int cut = raw.lastIndexOf('\n', Math.min(raw.length() - 1, 1_000_000));
            texts.add(raw.substring(0, cut + 1));
        }
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        long a = jtokkit();
        long b = modelatlas();
        if (a != b) {
            throw new IllegalStateException(file + ": jtokkit counts " + a + ", modelatlas " + b);
        }
        System.out.printf("%n%s: %d bytes, %d tokens%n", file, bytes, a);
    }

    @Benchmark
    public long jtokkit() {
        long n = 0;
        for (String t : texts) {
            n += jtokkit.countTokensOrdinary(t);
        }
        return n;
    }

    @Benchmark
    public long modelatlas() {
        long n = 0;
        for (String t : texts) {
            n += modelatlas.count(t);
        }
        return n;
    }
}
