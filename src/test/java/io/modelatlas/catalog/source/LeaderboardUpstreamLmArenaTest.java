package io.modelatlas.catalog.source;

import static io.modelatlas.catalog.source.UpstreamFixtures.bundled;
import static io.modelatlas.catalog.source.UpstreamFixtures.edited;
import static io.modelatlas.catalog.source.UpstreamFixtures.file;
import static io.modelatlas.catalog.source.UpstreamFixtures.files;
import static io.modelatlas.catalog.source.UpstreamFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: LMArena's two leaderboard exports read as the bundled lmarena-text.csv was made from them. The files carry
 * no date: the bundled file dated the 12/11 dump and gemini-3-flash's later addition (2025-12-17, noted in its variant)
 * from the repository's history, which a fetch does not have, so those three rows are the one expected difference.
 */
class LeaderboardUpstreamLmArenaTest {
    private static final String COMMIT = "c9558b60647217fafa878cb7ee14f8f43c355594";
    private static final LocalDate DUMP = LocalDate.of(2025, 12, 11);
    private static final LeaderboardUpstream LMARENA = new LmArenaUpstream();

    @Test
    void exports_at_the_pinned_commit_give_the_bundled_rows_but_the_dates_from_git_history() {
        List<String> tidy = lines(LMARENA.tidy(files("lmarena-text", LMARENA.paths()), COMMIT, DUMP));
        List<String> bundled = lines(bundled("lmarena-text"));

        assertThat(tidy).hasSameSizeAs(bundled).hasSize(8875);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < tidy.size(); i++) {
            if (!tidy.get(i).equals(bundled.get(i))) {
                differing.add(bundled.get(i));
                String fromHistory = bundled.get(i).replace(",2025-12-17,", ",2025-12-11,")
                        .replace(",added in commit 3b12b7f (2025-12-17) after the 12/11 data update", ",");
                assertThat(tidy.get(i)).isEqualTo(fromHistory);
            }
        }
        assertThat(differing).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("gemini-3-flash,LMArena Text (full),rating"));
    }

    @Test
    void ratings_keep_their_published_digits_and_every_row_is_observed() {
        String tidy = new String(LMARENA.tidy(files("lmarena-text", LMARENA.paths()), COMMIT, LocalDate.of(2030, 1, 1)), StandardCharsets.UTF_8);

        assertThat(lines(tidy.getBytes(StandardCharsets.UTF_8)).get(1)).isEqualTo("gemini-3-pro,LMArena Text (chinese),rating (style control),"
                + "1521.5315484193638,Arena score (Elo scale),true,2030-01-01,github.com/lmarena/arena-catalog," + COMMIT
                + ",data/leaderboard-text-style-control.json,");
        assertThat(tidy).doesNotContain("2025-12-1");
    }

    @Test
    void a_truncated_export_is_named_with_its_line() {
        Map<String, byte[]> files = new HashMap<>(files("lmarena-text", LMARENA.paths()));
        byte[] whole = files.get(LmArenaUpstream.NO_STYLE_CONTROL);
        files.put(LmArenaUpstream.NO_STYLE_CONTROL, java.util.Arrays.copyOf(whole, 1000));

        assertThatThrownBy(() -> LMARENA.tidy(files, COMMIT, DUMP))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(LmArenaUpstream.NO_STYLE_CONTROL + " at line ")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void a_full_board_entry_without_its_bounds_is_named_by_json_path() {
        Map<String, byte[]> files = new HashMap<>(files("lmarena-text", LMARENA.paths()));
        files.put(LmArenaUpstream.NO_STYLE_CONTROL, file(LmArenaUpstream.NO_STYLE_CONTROL,
                "{\"full\": {\"gpt-x\": {\"rating\": 1400.5, \"rating_q975\": 1410.25}}}").get(LmArenaUpstream.NO_STYLE_CONTROL));

        assertThatThrownBy(() -> LMARENA.tidy(files, COMMIT, DUMP))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(LmArenaUpstream.NO_STYLE_CONTROL + " at $.full.gpt-x: no rating_q025");
    }

    @Test
    void a_rating_written_as_a_string_is_refused() {
        var edited = edited("lmarena-text", LmArenaUpstream.STYLE_CONTROL, "\"rating\": 1521.5315484193638", "\"rating\": \"1521.5\"");
        Map<String, byte[]> files = new HashMap<>(files("lmarena-text", LMARENA.paths()));
        files.putAll(edited);

        assertThatThrownBy(() -> LMARENA.tidy(files, COMMIT, DUMP))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(LmArenaUpstream.STYLE_CONTROL + " at $.chinese.gemini-3-pro.rating (line 4 column 23): expected a number, got 1521.5");
    }
}
