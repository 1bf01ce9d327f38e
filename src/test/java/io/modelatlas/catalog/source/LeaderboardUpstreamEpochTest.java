package io.modelatlas.catalog.source;

import static io.modelatlas.catalog.source.UpstreamFixtures.bundled;
import static io.modelatlas.catalog.source.UpstreamFixtures.edited;
import static io.modelatlas.catalog.source.UpstreamFixtures.files;
import static io.modelatlas.catalog.source.UpstreamFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: Epoch's benchmarks_runs.csv read as the bundled epoch-benchmarks.csv was made from it. */
class LeaderboardUpstreamEpochTest {
    private static final String COMMIT = "f87d3cc8e8a8f8471be475ebce58fb9a73b4e756";
    /** The file's last commit date, which the bundled file gives the runs that publish no start. */
    private static final LocalDate FILE_COMMITTED = LocalDate.of(2025, 11, 21);
    private static final LeaderboardUpstream EPOCH = new EpochUpstream();

    @Test
    void runs_at_the_pinned_commit_give_the_bundled_csv_byte_for_byte_when_observed_is_the_files_commit_date() {
        byte[] tidy = EPOCH.tidy(files("epoch-benchmarks", EPOCH.paths()), COMMIT, FILE_COMMITTED);

        assertThat(lines(tidy)).containsExactlyElementsOf(lines(bundled("epoch-benchmarks")));
        assertThat(tidy).isEqualTo(bundled("epoch-benchmarks"));
    }

    @Test
    void only_runs_without_a_start_take_the_observed_day_and_are_marked() {
        List<String> tidy = lines(EPOCH.tidy(files("epoch-benchmarks", EPOCH.paths()), COMMIT, LocalDate.of(2030, 1, 1)));

        List<String> observed = tidy.stream().filter(l -> l.contains(",2030-01-01,")).toList();
        assertThat(observed).hasSize(4).allSatisfy(l -> assertThat(l).endsWith("; " + EpochUpstream.UNDATED));
        assertThat(tidy.stream().filter(l -> l.endsWith(EpochUpstream.UNDATED))).hasSize(4);
        assertThat(tidy.get(1)).startsWith("gpt-5.1_medium,Epoch AI: GPQA diamond,Best score (across scorers),0.850,fraction correct (0-1),true,2025-11-17,");
    }

    @Test
    void a_score_that_is_not_a_number_is_named_by_line_and_column() {
        var files = edited("epoch-benchmarks", EpochUpstream.PATH, "gpt-5.1_medium,0.850,", "gpt-5.1_medium,high,");

        assertThatThrownBy(() -> EPOCH.tidy(files, COMMIT, FILE_COMMITTED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(EpochUpstream.PATH + " at line 2 column Best score (across scorers): expected a number, got \"high\"");
    }

    @Test
    void a_truncated_row_is_named_by_line() {
        var files = edited("epoch-benchmarks", EpochUpstream.PATH, "0.850,choice:0.85±0.02,https://logs.epoch.ai", "0.850");

        assertThatThrownBy(() -> EPOCH.tidy(files, COMMIT, FILE_COMMITTED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(EpochUpstream.PATH + " at line 2: expected 12 fields, got ");
    }

    @Test
    void a_header_without_the_score_column_is_refused() {
        var files = edited("epoch-benchmarks", EpochUpstream.PATH, "Best score (across scorers)", "Best score");

        assertThatThrownBy(() -> EPOCH.tidy(files, COMMIT, FILE_COMMITTED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(EpochUpstream.PATH + " at line 1: no column \"Best score (across scorers)\" in the header");
    }

    @Test
    void a_start_that_is_not_a_date_is_named() {
        var files = edited("epoch-benchmarks", EpochUpstream.PATH, "17 November 2025 4:28pm", "yesterday");

        assertThatThrownBy(() -> EPOCH.tidy(files, COMMIT, FILE_COMMITTED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("line 2 column started_at: expected a date like");
    }
}
