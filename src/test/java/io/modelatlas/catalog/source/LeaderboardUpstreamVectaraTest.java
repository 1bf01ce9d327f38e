package io.modelatlas.catalog.source;

import static io.modelatlas.catalog.source.UpstreamFixtures.bundled;
import static io.modelatlas.catalog.source.UpstreamFixtures.edited;
import static io.modelatlas.catalog.source.UpstreamFixtures.files;
import static io.modelatlas.catalog.source.UpstreamFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 16: the table in Vectara's README read as the bundled vectara-hallucination.csv was made from it. */
class LeaderboardUpstreamVectaraTest {
    private static final String COMMIT = "2e0985929addf7fd52451854fd899161edea0aa4";
    private static final LeaderboardUpstream VECTARA = new VectaraUpstream();
    private static final LocalDate FETCHED = LocalDate.of(2030, 1, 1);

    @Test
    void readme_at_the_pinned_commit_gives_the_bundled_csv_byte_for_byte() {
        byte[] tidy = VECTARA.tidy(files("vectara-hallucination", VECTARA.paths()), COMMIT, FETCHED);

        assertThat(lines(tidy)).containsExactlyElementsOf(lines(bundled("vectara-hallucination")));
        assertThat(tidy).isEqualTo(bundled("vectara-hallucination"));
    }

    @Test
    void as_of_is_the_tables_last_updated_date() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "Last updated on March 10, 2026", "Last updated on April 2, 2026");

        String tidy = new String(VECTARA.tidy(files, COMMIT, FETCHED));

        assertThat(lines(tidy.getBytes()).get(1)).isEqualTo("antgroup/finix_s1_32b,Vectara hallucination leaderboard (HHEM-2.3),"
                + "Hallucination Rate,1.8,%,false,2026-04-02,github.com/vectara/hallucination-leaderboard," + COMMIT + ",README.md,");
        assertThat(tidy).doesNotContain("2026-03-10").doesNotContain("2030-01-01");
    }

    @Test
    void another_judge_model_is_another_benchmark() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "This leaderboard uses HHEM-2.3", "This leaderboard uses HHEM-3.0");

        assertThat(lines(VECTARA.tidy(files, COMMIT, FETCHED)).get(1)).contains(",Vectara hallucination leaderboard (HHEM-3.0),");
    }

    @Test
    void a_readme_without_the_start_marker_is_refused() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "<!-- LEADERBOARD_START -->", "");

        assertThatThrownBy(() -> VECTARA.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("README.md: no <!-- LEADERBOARD_START --> line");
    }

    @Test
    void a_row_missing_a_cell_is_named_by_line() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "|google/gemini-2.5-flash-lite|3.3 %|96.7 %|99.5 %|95.7|",
                "|google/gemini-2.5-flash-lite|3.3 %|96.7 %|95.7|");

        assertThatThrownBy(() -> VECTARA.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("README.md at line 30: expected 5 cells, got 4");
    }

    @Test
    void a_rate_that_is_not_a_number_is_named_by_line_and_column() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "|antgroup/finix_s1_32b|1.8 %|", "|antgroup/finix_s1_32b|n/a|");

        assertThatThrownBy(() -> VECTARA.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("README.md at line 29 column Hallucination Rate: expected a number, got \"n/a\"");
    }

    @Test
    void a_renamed_column_is_refused_rather_than_read_as_another_metric() {
        var files = edited("vectara-hallucination", VectaraUpstream.PATH, "|Model|Hallucination Rate|Factual Consistency Rate|",
                "|Model|Factual Consistency Rate|Hallucination Rate|");

        assertThatThrownBy(() -> VECTARA.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("README.md at line 27: expected the table header |Model|Hallucination Rate|");
    }
}
