package io.modelatlas.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast BPE against jtokkit, the reference, on generated text: thousands of strings mixing every character class
 * the pre-tokenizer regexes tell apart (cased letters, modifier and other letters, marks, the three kinds of number,
 * Unicode white space, line breaks, punctuation, emoji outside the BMP, contractions including the long s that
 * matches {@code 's} case-insensitively, special-token strings as ordinary text), plus pieces long enough for the
 * heap merge. Fixed seeds, so a failure is reproducible; the failing text is printed escaped.
 */
class TokenEquivalenceTest {
    /** Fragments drawn at random; each stands for a class or a boundary case of the regexes. */
    private static final String[] FRAGMENTS = {
        "a", "Z", "hello", "World", "HTTPServer", "camelCase", "I'm", "they'RE", "we'll", "it'S", "she'ſ", "'d", "'", "''", "'ll",
        " ", "  ", "   ", "\t", "\n", "\r\n", "\r", "\n\n", " \n ", "\u00a0", "\u0085", "\u2028", "\u2029", "\u3000", "\u2003", "\u000b", "\u000c",
        "0", "7", "123", "4567", "12345678", "\u0663\u0664", "\u216b", "\u00bd", "\u2460",
        ".", ",", "!?", "...", "/", "//", "///", "-", "--", "$", "€", "(", ")", "{}", "[]", "<", ">", "\"", "#", "@", "_", "\\",
        "<|endoftext|>", "<|endofprompt|>", "<|fim_prefix|>", "<|im_start|>",
        "\u00e9", "e\u0301", "\u0301", "\u0301\u0301x", "\u20dd", "\u0903", "\u02b0", "\u02b0a", "\u01c5", "\u01c5a", "A\u02b0", "\u1d2c",
        "Привет", "мир", "ΑΘΗΝΑ", "αβγ", "Straße", "ÉCOLE", "İstanbul", "ı",
        "你好", "世界", "日本語のテキスト", "한국어", "ﾃｽﾄ", "שלום", "مرحبا", "नमस्ते", "ภาษาไทย", "ትግርኛ",
        "\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\ud83c\uddfa\ud83c\uddf8", "\ud835\udc00", "\ud840\udc00", "\u200d", "\ufe0f", "\u200b", "\ufeff",
        "fn main() {", "    return x;", "if (a && b) {", "x += 1;", "<div class=\"a\">", "SELECT * FROM t;", "https://example.com/a/b?c=d",
    };

    private final TokenCounter fast200 = TokenCounters.forEncoding("o200k_base");
    private final TokenCounter ref200 = TokenCounters.reference("o200k_base");
    private final TokenCounter fast100 = TokenCounters.forEncoding("cl100k_base");
    private final TokenCounter ref100 = TokenCounters.reference("cl100k_base");

    @Test
    void the_fast_counters_are_not_jtokkit() {
        assertThat(fast200).isInstanceOf(BpeTokenCounter.class);
        assertThat(fast100).isInstanceOf(BpeTokenCounter.class);
        assertThat(ref200).isInstanceOf(JtokkitTokenCounter.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void generated_texts_encode_exactly_like_jtokkit(int seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String text = text(random, random.nextInt(40));
            same(text);
        }
    }

    @Test
    void random_code_points_encode_exactly_like_jtokkit() {
        Random random = new Random(99);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            while (sb.length() < n) {
                int cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x800);
                    case 2 -> random.nextInt(0x10000);
                    default -> random.nextInt(0x110000);
                };
                if (Character.getType(cp) != Character.SURROGATE) {
                    sb.appendCodePoint(cp);
                }
            }
            same(sb.toString());
        }
    }

    @Test
    void long_pieces_take_the_heap_merge_and_still_match() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        texts.add("a".repeat(5000));
        texts.add(" ".repeat(3000) + "x");
        texts.add("\n".repeat(700) + "\r\n".repeat(300));
        texts.add("你好世界日本語のテキスト".repeat(200));
        texts.add("!?".repeat(1000));
        texts.add("\ud83d\ude00".repeat(400));
        texts.add("9".repeat(1000));
        texts.add("abcdefghij".repeat(300));
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        texts.add(letters.toString());
        for (String text : texts) {
            same(text);
        }
    }

    /**
     * A run of one repeated character is counted by its period (an uploaded log of megabytes of spaces must not cost
     * 0.3 µs a character): the count must equal the full merge's, and jtokkit's, for every printable ASCII character
     * and a few others, on every encoding, at run lengths on both sides of the period's bounds.
     */
    @Test
    void runs_of_one_character_counted_by_their_period_match_the_full_merge() {
        List<String> chars = new ArrayList<>();
        for (char c = 0x20; c < 0x7f; c++) {
            chars.add(String.valueOf(c));
        }
        chars.addAll(List.of("\t", "\n", "\r", "\u00a0", "\u00e9", "\u4f60", "\ud83d\ude00", "\u0301"));
        for (String encoding : List.of("o200k_base", "cl100k_base", "p50k_base", "r50k_base")) {
            TokenCounter fast = TokenCounters.forEncoding(encoding);
            TokenCounter ref = TokenCounters.reference(encoding);
            for (String c : chars) {
                for (int n : new int[] {255, 256, 300, 385, 386, 400, 513, 777, 1024, 1025, 2049, 4000}) {
                    String text = c.repeat(n);
                    assertThat(fast.count(text)).as("%s x %d on %s", escape(c), n, encoding).isEqualTo(fast.encode(text).length)
                            .isEqualTo(ref.count(text));
                }
            }
        }
        // and the case that made it necessary: megabytes of white space are counted exactly, by period, not char by char
        assertThat(fast200.count(" ".repeat(2_000_000))).isEqualTo(fast200.encode(" ".repeat(2_000_000)).length);
    }

    @Test
    void a_long_mixed_document_matches() {
        same(text(new Random(2026), 20_000));
    }

    @Test
    void a_lone_surrogate_counts_as_the_replacement_character_like_tiktoken() {
        // tiktoken (Python and the WASM build) encodes an unpaired surrogate as U+FFFD; jtokkit would write '?'
        assertThat(fast200.encode("a\ud800b")).containsExactly(fast200.encode("a\ufffdb"));
        assertThat(fast200.encode("x\udc00")).containsExactly(fast200.encode("x\ufffd"));
        assertThat(fast100.count("\ud83d")).isEqualTo(fast100.count("\ufffd"));
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 50})
    void truncation_matches_jtokkit(int max) {
        Random random = new Random(max);
        for (int i = 0; i < 300; i++) {
            String text = text(random, random.nextInt(20));
            assertThat(fast200.encodePrefix(text, max)).as(escape(text)).isEqualTo(ref200.encodePrefix(text, max));
            assertThat(fast100.encodePrefix(text, max)).as(escape(text)).isEqualTo(ref100.encodePrefix(text, max));
        }
    }

    @Test
    void a_budget_of_zero_tokens_keeps_nothing() {
        // jtokkit 1.1.0 returns the first token here when it is a whole piece ("a" -> [64]); no prefix fits in 0 tokens
        assertThat(fast200.encodePrefix("a b", 0)).isEqualTo(new EncodedPrefix(new int[0], true));
        assertThat(fast200.encodePrefix("", 0)).isEqualTo(new EncodedPrefix(new int[0], false));
    }

    private void same(String text) {
        assertThat(fast200.encode(text)).as("o200k ids of %s", escape(text)).containsExactly(ref200.encode(text));
        assertThat(fast200.count(text)).as("o200k count of %s", escape(text)).isEqualTo(ref200.count(text));
        assertThat(fast100.encode(text)).as("cl100k ids of %s", escape(text)).containsExactly(ref100.encode(text));
        assertThat(fast100.count(text)).as("cl100k count of %s", escape(text)).isEqualTo(ref100.count(text));
        assertThat(fast200.encodeWithSpecialTokens(text)).as("o200k with specials of %s", escape(text))
                .containsExactly(ref200.encodeWithSpecialTokens(text));
    }

    private static String text(Random random, int fragments) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.append('"').toString();
    }
}
