package io.modelatlas.tokens;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact BPE of a tiktoken encoding through jtokkit: the reference that {@link BpeTokenCounter} is tested against,
 * and the counter for p50k_base and r50k_base. The only class that imports jtokkit.
 */
final class JtokkitTokenCounter implements TokenCounter {
    private final Encoding encoding;
    private final String name;
    private final Map<String, Integer> specialTokens;
    private final Pattern special;

    JtokkitTokenCounter(Encoding encoding, String name, Map<String, Integer> specialTokens) {
        this.encoding = encoding;
        this.name = name;
        this.specialTokens = Map.copyOf(specialTokens);
        this.special = Pattern.compile(String.join("|", specialTokens.keySet().stream().map(Pattern::quote).toList()));
    }

    @Override
    public String encoding() {
        return name;
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String basis() {
        return "exact: tiktoken " + name;
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    @Override
    public int[] encodeWithSpecialTokens(String text) {
        IntArrayList out = new IntArrayList();
        Matcher m = special.matcher(text);
        int from = 0;
        while (m.find()) {
            append(out, encoding.encodeOrdinary(text.substring(from, m.start())));
            out.add(specialTokens.get(m.group()));
            from = m.end();
        }
        append(out, encoding.encodeOrdinary(text.substring(from)));
        return out.toArray();
    }

    @Override
    public EncodedPrefix encodePrefix(String text, int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens cannot be negative: " + maxTokens);
        }
        EncodingResult result = encoding.encodeOrdinary(text, maxTokens);
        return new EncodedPrefix(result.getTokens().toArray(), result.isTruncated());
    }

    private static void append(IntArrayList out, IntArrayList part) {
        for (int i = 0; i < part.size(); i++) {
            out.add(part.get(i));
        }
    }
}
