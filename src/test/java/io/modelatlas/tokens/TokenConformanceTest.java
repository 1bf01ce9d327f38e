package io.modelatlas.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token vectors from tiktoken, jtokkit, gpt-tokenizer and the OpenAI cookbook ({@code conformance/tokens.jsonl},
 * {@code chat_tokens.jsonl}; provenance in that folder's README). Every row must pass.
 */
class TokenConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> rows(String file) throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TokenConformanceTest.class.getResourceAsStream("/conformance/" + file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode row = JSON.readTree(line);
                rows.add(Arguments.of(row.get("id").asText(), row));
            }
        }
        return rows.stream();
    }

    static Stream<Arguments> tokenRows() throws IOException {
        return rows("tokens.jsonl");
    }

    static Stream<Arguments> chatRows() throws IOException {
        return rows("chat_tokens.jsonl");
    }

    @Test
    void every_row_is_read() throws IOException {
        assertThat(tokenRows().count()).isEqualTo(974);
        assertThat(chatRows().count()).isEqualTo(76);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRows")
    void token_ids_and_counts_match_tiktoken(String id, JsonNode row) {
        TokenCounter counter = TokenCounters.forEncoding(row.get("encoding").asText());
        String text = row.get("text").asText();
        boolean all = "all".equals(row.get("special_tokens").asText());
        int[] ids = all ? counter.encodeWithSpecialTokens(text) : counter.encode(text);
        assertThat(ids.length).as(id).isEqualTo(row.get("expected_count").asInt());
        if (!all) {
            assertThat(counter.count(text)).isEqualTo(row.get("expected_count").asInt());
        }
        if (row.has("expected_ids")) {
            int[] expected = new int[row.get("expected_ids").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = row.get("expected_ids").get(i).asInt();
            }
            assertThat(ids).as(id).containsExactly(expected);
        }
    }

    static Stream<Arguments> truncationRows() throws IOException {
        return tokenRows().filter(a -> ((JsonNode) a.get()[1]).has("expected_ids_max_tokens_10"));
    }

    @Test
    void every_truncation_row_is_read() throws IOException {
        assertThat(truncationRows().count()).isEqualTo(816);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncationRows")
    void truncation_to_ten_tokens_matches_jtokkit(String id, JsonNode row) {
        String text = row.get("text").asText();
        JsonNode expected = row.get("expected_ids_max_tokens_10");
        int[] ids = new int[expected.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = expected.get(i).asInt();
        }
        for (TokenCounter counter : List.of(TokenCounters.forEncoding(row.get("encoding").asText()), TokenCounters.reference(row.get("encoding").asText()))) {
            EncodedPrefix prefix = counter.encodePrefix(text, 10);
            assertThat(prefix.ids()).as(id).containsExactly(ids);
            assertThat(prefix.truncated()).as(id).isEqualTo(row.get("expected_count").asInt() > 10);
        }
    }

    @Test
    void a_negative_token_budget_is_rejected() {
        assertThatThrownBy(() -> TokenCounters.forEncoding("o200k_base").encodePrefix("x", -1)).hasMessage("maxTokens cannot be negative: -1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatRows")
    void chat_prompt_tokens_match_the_published_rule(String id, JsonNode row) {
        TokenCounter counter = TokenCounters.forEncoding(row.get("encoding").asText());
        ChatTokenCounter chat = new ChatTokenCounter(counter, row.get("model").asText());
        int count = chat.promptTokens(list(row.get("messages")), list(row.get("tools")), list(row.get("functions")),
                row.has("function_call") ? JSON.convertValue(row.get("function_call"), Object.class) : null);
        assertThat(count).as(id).isEqualTo(row.get("expected_count").asInt());
    }

    @Test
    void special_token_strings_in_logs_are_ordinary_text() {
        TokenCounter o200k = TokenCounters.forEncoding("o200k_base");
        String log = "user wrote <|endoftext|> in a prompt";
        assertThat(o200k.count(log)).isEqualTo(o200k.encode(log).length).isGreaterThan(1);
        assertThat(o200k.encode(log)).doesNotContain(199999);
        assertThat(o200k.encodeWithSpecialTokens(log)).contains(199999);
    }

    @Test
    void unknown_encoding_names_the_allowed_ones() {
        assertThatThrownBy(() -> TokenCounters.forEncoding("o300k")).hasMessageContaining("expected one of o200k_base, cl100k_base, p50k_base, r50k_base");
    }

    @Test
    void models_without_a_public_tokenizer_get_a_labelled_estimate() {
        TokenCounter estimate = TokenCounters.forModel("claude-sonnet-4", null);
        assertThat(estimate.exact()).isFalse();
        assertThat(estimate.basis()).startsWith("estimate: claude-sonnet-4's tokenizer is not available");
        assertThat(TokenCounters.forModel("gpt-4.1-mini", "o200k_base").exact()).isTrue();
    }

    private static List<Map<String, Object>> list(JsonNode node) {
        return node == null ? null : JSON.convertValue(node, new TypeReference<List<Map<String, Object>>>() { });
    }
}
