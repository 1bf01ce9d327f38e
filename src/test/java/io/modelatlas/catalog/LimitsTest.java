package io.modelatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one limit check: which limit a request exceeds and by how much; unknown limits are not "fits". */
class LimitsTest {
    private static final Limits GPT_5_MINI = new Limits(400_000L, 272_000L, 128_000L);

    @Test
    void a_request_within_every_limit_fits() {
        Fit fit = GPT_5_MINI.check(200_000, 10_000);
        assertThat(fit.status()).isEqualTo(Fit.Status.FITS);
        assertThat(fit.describe()).isEqualTo("fits");
    }

    @Test
    void exactly_the_limit_fits_and_one_token_more_does_not() {
        assertThat(GPT_5_MINI.check(272_000, 128_000).fits()).isTrue();
        Fit fit = GPT_5_MINI.check(272_001, 0);
        assertThat(fit.exceeded()).containsExactly(new Fit.Exceeded(LimitKind.MAX_INPUT, 272_000, 272_001));
    }

    @Test
    void max_input_is_checked_even_when_the_context_window_has_room() {
        Fit fit = GPT_5_MINI.check(300_000, 1_000);
        assertThat(fit.exceeds()).isTrue();
        assertThat(fit.describe()).isEqualTo("does not fit: 300,000 input tokens > max input 272,000");
    }

    @Test
    void every_exceeded_limit_is_named_with_both_counts() {
        Fit fit = new Limits(128_000L, null, 4_096L).check(150_000, 159_000);
        assertThat(fit.exceeded()).extracting(Fit.Exceeded::limit).containsExactly(LimitKind.CONTEXT_WINDOW, LimitKind.MAX_OUTPUT);
        assertThat(fit.describe()).isEqualTo("does not fit: 309,000 tokens (input + output) > context window 128,000; 159,000 output tokens > max output 4,096");
    }

    @Test
    void without_a_max_input_the_context_window_bounds_the_input() {
        assertThat(new Limits(128_000L, null, 16_384L).check(100_000, 1_000).fits()).isTrue();
    }

    @Test
    void unknown_limits_make_the_answer_unknown_not_fits() {
        Fit noOutputLimit = new Limits(128_000L, null, null).check(1_000, 100);
        assertThat(noOutputLimit.status()).isEqualTo(Fit.Status.UNKNOWN);
        assertThat(noOutputLimit.unknown()).containsExactly(LimitKind.MAX_OUTPUT);
        assertThat(noOutputLimit.describe()).isEqualTo("fit unknown: max output not known");
        Fit nothingKnown = new Limits(null, null, null).check(1_000, 100);
        assertThat(nothingKnown.status()).isEqualTo(Fit.Status.UNKNOWN);
        assertThat(nothingKnown.unknown()).containsExactly(LimitKind.CONTEXT_WINDOW, LimitKind.MAX_INPUT, LimitKind.MAX_OUTPUT);
    }

    @Test
    void a_known_limit_exceeded_is_exceeds_even_when_others_are_unknown() {
        Fit fit = new Limits(null, null, 4_096L).check(1_000, 159_000);
        assertThat(fit.status()).isEqualTo(Fit.Status.EXCEEDS);
        assertThat(fit.describe()).isEqualTo("does not fit: 159,000 output tokens > max output 4,096");
    }

    @Test
    void limits_and_requests_are_validated() {
        assertThatThrownBy(() -> new Limits(0L, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GPT_5_MINI.check(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fit.Exceeded(LimitKind.MAX_OUTPUT, 4_096, 4_096)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void type_filter_is_chat_unless_asked() {
        assertThat(TypeFilter.parse(null)).isEqualTo(TypeFilter.CHAT);
        assertThat(TypeFilter.parse("any")).isEqualTo(TypeFilter.ANY);
        assertThat(TypeFilter.parse("embedding").type()).isEqualTo(ModelType.EMBEDDING);
        assertThatThrownBy(() -> TypeFilter.parse("robot")).hasMessageContaining("type must be any or one of chat");
    }
}
