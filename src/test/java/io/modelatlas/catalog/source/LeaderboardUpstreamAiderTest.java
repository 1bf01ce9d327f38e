package io.modelatlas.catalog.source;

import static io.modelatlas.catalog.source.UpstreamFixtures.bundled;
import static io.modelatlas.catalog.source.UpstreamFixtures.edited;
import static io.modelatlas.catalog.source.UpstreamFixtures.file;
import static io.modelatlas.catalog.source.UpstreamFixtures.files;
import static io.modelatlas.catalog.source.UpstreamFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 16: Aider's polyglot_leaderboard.yml read as the bundled aider-polyglot.csv was made from it. */
class LeaderboardUpstreamAiderTest {
    private static final String COMMIT = "5dc9490bb35f9729ef2c95d00a19ccd30c26339c";
    private static final LeaderboardUpstream AIDER = new AiderUpstream();

    @Test
    void yaml_at_the_pinned_commit_gives_the_bundled_csv_byte_for_byte() {
        byte[] tidy = AIDER.tidy(files("aider-polyglot", AIDER.paths()), COMMIT, LocalDate.of(2030, 1, 1));

        assertThat(lines(tidy)).containsExactlyElementsOf(lines(bundled("aider-polyglot")));
        assertThat(tidy).isEqualTo(bundled("aider-polyglot"));
    }

    @Test
    void scores_keep_their_published_text_and_comments_stay_beside_them() {
        String tidy = new String(AIDER.tidy(files("aider-polyglot", AIDER.paths()), COMMIT, LocalDate.of(2030, 1, 1)));

        assertThat(tidy).contains(",total_cost,0.0000,USD for the whole 225-exercise run,false,2024-12-22,");
        assertThat(tidy).contains("edit_format=diff-fenced; command=aider --model gemini/gemini-2.5-pro-preview-03-25; "
                + "yaml_comment_on_total_cost=incorrect: 6.3174; run_id=2025-04-12-04-55-50--gemini-25-pro-diff-fenced");
    }

    @Test
    void as_of_is_the_run_date_not_the_day_fetched() {
        String tidy = new String(AIDER.tidy(files("aider-polyglot", AIDER.paths()), COMMIT, LocalDate.of(2030, 1, 1)));

        assertThat(tidy).doesNotContain("2030-01-01");
        assertThat(lines(tidy.getBytes()).get(1)).startsWith("Gemini 2.0 Pro exp-02-05,Aider polyglot,pass_rate_2,35.6,").contains(",2025-02-25,");
    }

    @Test
    void an_entry_missing_its_score_is_named_by_line_and_run() {
        var files = edited("aider-polyglot", AiderUpstream.PATH, "  pass_rate_2: 35.6\n", "");

        assertThatThrownBy(() -> AIDER.tidy(files, COMMIT, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(AiderUpstream.PATH + " at the entry at line 1 (2025-02-25-20-23-07--gemini-pro): no pass_rate_2");
    }

    @Test
    void a_score_that_is_not_a_number_is_named_by_line_and_key() {
        var files = edited("aider-polyglot", AiderUpstream.PATH, "  seconds_per_case: 34.8\n", "  seconds_per_case: fast\n");

        assertThatThrownBy(() -> AIDER.tidy(files, COMMIT, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(AiderUpstream.PATH + " at line 24 key seconds_per_case: expected a number, got \"fast\"");
    }

    @Test
    void nested_yaml_is_refused_rather_than_misread() {
        var files = file(AiderUpstream.PATH, "- dirname: x\n  model: m\n  scores:\n    pass_rate_2: 1.0\n");

        assertThatThrownBy(() -> AIDER.tidy(files, COMMIT, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(AiderUpstream.PATH + " at line 3 key scores: expected a plain value");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> AIDER.tidy(java.util.Map.of(), COMMIT, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(AiderUpstream.PATH + ": missing from the fetched files");
    }
}
