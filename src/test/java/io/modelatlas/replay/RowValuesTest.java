package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The times of exports: the digit-by-digit path agrees with the formatter, and what neither reads is named. */
class RowValuesTest {
    @Test
    void spend_log_times_read_digit_by_digit_are_the_instants_the_formatter_reads() {
        for (String[] t : new String[][] {{"2026-05-01 09:00:00.120", "2026-05-01T09:00:00.120Z"}, {"2026-05-01T09:00:00Z", "2026-05-01T09:00:00Z"},
                {"2026-12-31 23:59:59.123456789", "2026-12-31T23:59:59.123456789Z"}, {"2026-05-01 09:00:00", "2026-05-01T09:00:00Z"}}) {
            assertThat(RowValues.plainTime(t[0])).as(t[0]).isEqualTo(Instant.parse(t[1]));
            assertThat(RowValues.time("startTime", t[0])).isEqualTo(Instant.parse(t[1]));
        }
        // other forms go to the formatter: an offset, PostgreSQL's "+00", a day
        assertThat(RowValues.plainTime("2026-05-01T11:00:00+02:00")).isNull();
        assertThat(RowValues.time("created_at", "2026-05-01T11:00:00+02:00")).isEqualTo(Instant.parse("2026-05-01T09:00:00Z"));
        assertThat(RowValues.time("startTime", "2026-05-01 09:00:00.5+00")).isEqualTo(Instant.parse("2026-05-01T09:00:00.500Z"));
        assertThat(RowValues.time("date", "2026-05-01")).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void an_impossible_date_or_a_word_names_the_field() {
        assertThat(RowValues.plainTime("2026-02-30 00:00:00")).isNull();
        assertThatThrownBy(() -> RowValues.time("startTime", "2026-02-30 00:00:00")).hasMessageStartingWith("startTime must be a time")
                .hasMessageEndingWith("got '2026-02-30 00:00:00'");
        assertThatThrownBy(() -> RowValues.time("created_at", "yesterday")).hasMessageContaining("created_at must be a time");
    }
}
