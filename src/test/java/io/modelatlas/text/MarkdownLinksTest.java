package io.modelatlas.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.text.MarkdownLinks.Part;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MarkdownLinksTest {
    /** Our catalog knows openai/gpt-4o only. */
    private static final Function<String, Optional<String>> PAGES =
            path -> Optional.ofNullable(Map.of("/models/openai/gpt-4o", "/models/gpt-4o", "/openai/gpt-4o", "/models/gpt-4o").get(path));

    private static List<Part> parse(String markdown) {
        return MarkdownLinks.parse(markdown, PAGES);
    }

    @Test
    void a_source_relative_model_link_becomes_our_model_page() {
        assertThat(parse("Built on [GPT-4 Omni](/models/openai/gpt-4o) for speed.")).containsExactly(
                new Part("Built on ", null, false), new Part("GPT-4 Omni", "/models/gpt-4o", false), new Part(" for speed.", null, false));
    }

    @Test
    void a_source_relative_link_we_have_no_page_for_is_plain_text() {
        assertThat(parse("The [most popular model](/rankings#task-spend) today.")).containsExactly(new Part("The most popular model today.", null, false));
    }

    @Test
    void absolute_http_links_stay_external() {
        assertThat(parse("[Poolside](<https://poolside.ai/>) and [post](https://mistral.ai/news/codestral-25-08 \"title\")")).containsExactly(
                new Part("Poolside", "https://poolside.ai/", true), new Part(" and ", null, false),
                new Part("post", "https://mistral.ai/news/codestral-25-08", true));
    }

    @Test
    void javascript_data_protocol_relative_and_relative_urls_are_refused() {
        for (String url : List.of("javascript:alert(1)", "JavaScript:alert(1)", "<javascript:alert(1)>", " javascript:alert(1)",
                "data:text/html,<b>x</b>", "//evil.example/x", "moonshotai/kimi-k2", "vbscript:x", "https://", "https://e.example/\"onmouseover=\"x")) {
            assertThat(parse("[click](" + url + ")")).as(url).allSatisfy(p -> assertThat(p.isLink()).isFalse());
            assertThat(MarkdownLinks.plain(parse("[click](" + url + ")"))).as(url).startsWith("click");
        }
    }

    @Test
    void nested_brackets_stay_in_the_link_text_and_parentheses_in_the_url() {
        assertThat(parse("[GPT [4o] mini](https://en.wikipedia.org/wiki/GPT_(model))")).containsExactly(
                new Part("GPT [4o] mini", "https://en.wikipedia.org/wiki/GPT_(model)", true));
        assertThat(parse("an [unclosed bracket (x)")).containsExactly(new Part("an [unclosed bracket (x)", null, false));
        assertThat(parse("[text] (not a link)")).containsExactly(new Part("[text] (not a link)", null, false));
    }

    @Test
    void raw_html_is_kept_as_text_for_the_template_to_escape_never_turned_into_markup() {
        List<Part> parts = parse("<script>alert(1)</script> [<img src=x onerror=alert(1)>](https://ok.example/)");
        assertThat(parts.get(0)).isEqualTo(new Part("<script>alert(1)</script> ", null, false));
        assertThat(parts.get(1)).isEqualTo(new Part("<img src=x onerror=alert(1)>", "https://ok.example/", true));
    }

    @Test
    void images_become_their_alt_text_and_bold_and_code_markers_are_dropped() {
        assertThat(MarkdownLinks.plain(parse("![chart](https://x.example/c.png) **Note:** use `reasoning.mode`\n\nnow"))).isEqualTo("chart Note: use reasoning.mode now");
    }

    @Test
    void a_description_its_source_cut_short_ends_at_its_last_whole_sentence() {
        assertThat(MarkdownLinks.wholeSentences("GPT-4.1 Mini is cheaper. It scores 45.1% on hard...")).isEqualTo("GPT-4.1 Mini is cheaper.");
        assertThat(MarkdownLinks.wholeSentences("Good at code, e.g. Python. It is suited for [agents. Really](https://x.example) and…"))
                .isEqualTo("Good at code, e.g. Python.");
        assertThat(MarkdownLinks.wholeSentences("A whole description. Not cut.")).isEqualTo("A whole description. Not cut.");
        // no whole sentence to end at: shown whole, as the source gave it
        assertThat(MarkdownLinks.wholeSentences("Ling-3.0-flash is a model designed for token efficiency and...")).isEqualTo("Ling-3.0-flash is a model designed for token efficiency and...");
    }
}
