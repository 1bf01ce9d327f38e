package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.eval.WordDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    @Test
    void changed_words_are_marked_as_phrases_without_their_trailing_space() {
        assertThat(WordDiff.against("No. Refunds are accepted within 30 days.", "No, refunds are only accepted within 30 days."))
                .containsExactly(new Segment("No, refunds", true), new Segment(" are ", false), new Segment("only", true),
                        new Segment(" accepted within 30 days.", false));
    }

    @Test
    void identical_answers_have_no_marks_and_long_ones_are_not_compared() {
        assertThat(WordDiff.against("same words here", "same words here")).containsExactly(new Segment("same words here", false));
        assertThat(WordDiff.against("", "new")).containsExactly(new Segment("new", true));
        String huge = "w ".repeat(WordDiff.MAX_WORDS + 1);
        assertThat(WordDiff.against(huge, "w")).isNull();
        assertThat(WordDiff.plain("x")).isEqualTo(List.of(new Segment("x", false)));
    }
}
