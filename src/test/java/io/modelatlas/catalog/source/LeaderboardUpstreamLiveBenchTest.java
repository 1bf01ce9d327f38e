package io.modelatlas.catalog.source;

import static io.modelatlas.catalog.source.UpstreamFixtures.bundled;
import static io.modelatlas.catalog.source.UpstreamFixtures.edited;
import static io.modelatlas.catalog.source.UpstreamFixtures.files;
import static io.modelatlas.catalog.source.UpstreamFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.text.Csv;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: two LiveBench releases (the newest, and 2024-11-25 with its empty cell) read as the bundled livebench.csv
 * was made from them. The bundled as_of came from git blame, which a fetch cannot know: it is compared apart.
 */
class LeaderboardUpstreamLiveBenchTest {
    private static final String COMMIT = "4bf96c8d9dc9b06c17d82dc76a54429975c2b2c2";
    private static final List<String> RELEASES = List.of("2024_11_25", "2026_01_08");
    private static final LeaderboardUpstream LIVEBENCH = new LiveBenchUpstream(RELEASES);
    private static final LocalDate FETCHED = LocalDate.of(2030, 1, 1);
    private static final int AS_OF = 6;

    private static Map<String, byte[]> fixtures() {
        return files("livebench", LIVEBENCH.paths());
    }

    @Test
    void two_releases_at_the_pinned_commit_give_their_bundled_rows_but_as_of() {
        List<List<String>> tidy = rows(lines(LIVEBENCH.tidy(fixtures(), COMMIT, FETCHED)));
        List<List<String>> bundled = rows(lines(bundled("livebench"))).stream()
                .filter(r -> RELEASES.stream().anyMatch(release -> r.get(9).equals(LiveBenchUpstream.table(release)))).toList();

        assertThat(tidy).hasSize(1169 + 2898).allSatisfy(r -> assertThat(r.get(AS_OF)).isEqualTo("2030-01-01"));
        assertThat(withoutAsOf(tidy)).containsExactlyElementsOf(withoutAsOf(bundled));
    }

    @Test
    void a_row_whose_values_cannot_be_matched_to_tasks_and_an_empty_cell_are_left_out() {
        String tidy = new String(LIVEBENCH.tidy(fixtures(), COMMIT, FETCHED));

        assertThat(tidy).doesNotContain("nemotron-3-super-120b-a12b,");
        assertThat(tidy.lines().filter(l -> l.startsWith("phi-3-small-8k-instruct,LiveBench 2024-11-25 /"))).hasSize(17);
        assertThat(tidy).doesNotContain("phi-3-small-8k-instruct,LiveBench 2024-11-25 / Language / connections,");
    }

    @Test
    void the_ten_known_releases_are_fetched_table_then_categories() {
        List<String> paths = new LiveBenchUpstream().paths();

        assertThat(paths).hasSize(20).startsWith("public/table_2024_06_24.csv", "public/categories_2024_06_24.json")
                .endsWith("public/table_2026_01_08.csv", "public/categories_2026_01_08.json");
    }

    @Test
    void truncated_categories_are_named_with_their_line() {
        Map<String, byte[]> files = new HashMap<>(fixtures());
        String path = LiveBenchUpstream.categories("2026_01_08");
        files.put(path, java.util.Arrays.copyOf(files.get(path), 100));

        assertThatThrownBy(() -> LIVEBENCH.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(path + " at line ");
    }

    @Test
    void a_task_in_no_category_is_refused_rather_than_filed_nowhere() {
        Map<String, byte[]> files = new HashMap<>(fixtures());
        files.putAll(edited("livebench", LiveBenchUpstream.categories("2026_01_08"), "\"zebra_puzzle\",", ""));

        assertThatThrownBy(() -> LIVEBENCH.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("public/table_2026_01_08.csv at line 1 column zebra_puzzle: the task is in no category of public/categories_2026_01_08.json");
    }

    @Test
    void a_score_that_is_not_a_number_is_named_by_line_and_task() {
        Map<String, byte[]> files = new HashMap<>(fixtures());
        files.putAll(edited("livebench", LiveBenchUpstream.table("2026_01_08"), "arcee-trinity-large-preview,61.0,", "arcee-trinity-large-preview,n/a,"));

        assertThatThrownBy(() -> LIVEBENCH.tidy(files, COMMIT, FETCHED))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("public/table_2026_01_08.csv at line 2 column AMPS_Hard: expected a number, got \"n/a\"");
    }

    private static List<List<String>> rows(List<String> lines) {
        return lines.subList(1, lines.size()).stream().map(Csv::split).toList();
    }

    private static List<List<String>> withoutAsOf(List<List<String>> rows) {
        return rows.stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            copy.remove(AS_OF);
            return copy;
        }).toList();
    }
}
