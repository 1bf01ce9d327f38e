package io.modelatlas.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Token-counting throughput of jtokkit 1.1.0 and ModelAtlas's BPE, o200k_base, ordinary text, single thread: the
 * Java half of bench/tokens/run.sh (throughput.mjs is the npm half and prints the same JSON lines). Usage:
 * {@code TokenThroughput DIR [ROUNDS] [WARM_UP_SECONDS]}. Each implementation counts each file for the warm-up time
 * (default 3 s) before the timed rounds.
 */
public final class TokenThroughput {
    /** Warm-up per implementation and file unless given, the same in throughput.mjs. */
    private static final double DEFAULT_WARM_UP_SECONDS = 3;

    private TokenThroughput() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long warmUpNanos = (long) ((args.length > 2 ? Double.parseDouble(args[2]) : DEFAULT_WARM_UP_SECONDS) * 1e9);
        Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        TokenCounter modelatlas = TokenCounters.forEncoding("o200k_base");
        Map<String, ToIntFunction<String>> impls = new LinkedHashMap<>();
        impls.put("jtokkit", jtokkit::countTokensOrdinary);
        impls.put("modelatlas", modelatlas::count);
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            List<String> texts = load(file, json);
            long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
            for (Map.Entry<String, ToIntFunction<String>> impl : impls.entrySet()) {
                // warm-up by time, not by passes: a 0.3 MB file takes 40 ms a pass, far too short for the JIT
                long tokens = countAll(texts, impl.getValue());
                long warmUntil = System.nanoTime() + warmUpNanos;
                while (System.nanoTime() < warmUntil) {
                    countAll(texts, impl.getValue());
                }
                List<Double> seconds = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    long n = countAll(texts, impl.getValue());
                    seconds.add((System.nanoTime() - start) / 1e9);
                    if (n != tokens) {
                        throw new IllegalStateException(impl.getKey() + " counted " + n + " then " + tokens + " on " + file);
                    }
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("impl", impl.getKey());
                line.put("file", file.getFileName().toString());
                line.put("bytes", bytes);
                line.put("tokens", tokens);
                line.put("seconds", seconds);
                System.out.println(json.writeValueAsString(line));
            }
        }
    }

    private static List<String> load(Path file, ObjectMapper json) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        if (!file.toString().endsWith(".jsonl")) {
            return List.of(raw);
        }
        List<String> texts = new ArrayList<>();
        for (String line : raw.split("\n")) {
            if (!line.isEmpty()) {
                texts.add(json.readValue(line, String.class));
            }
        }
        return texts;
    }

    private static long countAll(List<String> texts, ToIntFunction<String> count) {
        long n = 0;
        for (String t : texts) {
            n += count.applyAsInt(t);
        }
        return n;
    }
}
