package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.fixtures.MiniData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leaderboard's table as a file of the source set: the data set's own, or a fetched copy in its place. */
class SourceSetLeaderboardsTest {
    @TempDir
    Path data;

    @Test
    void the_bundled_set_reads_its_leaderboards_from_the_jar_as_before() {
        SourceSet bundled = SourceSet.bundled();

        for (String board : SourceSet.LEADERBOARDS) {
            assertThat(bundled.file(board).content()).as(board).isEqualTo(LeaderboardTable.bundledBytes(board + ".csv"));
            assertThat(bundled.file(board).fileName()).isEqualTo("leaderboards/" + board + ".csv");
        }
        assertThat(LeaderboardTable.rowCount(bundled)).isEqualTo(LeaderboardTable.bundledRowCount());
    }

    @Test
    void a_fetched_table_replaces_its_leaderboard_only_and_changes_the_fingerprint() {
        SourceSet own = MiniData.withLeaderboards(data);
        String table = MiniData.aiderTable().replace("gpt-4.1-mini,Aider polyglot,pass_rate_2,32.4,", "gpt-4.1-mini,Aider polyglot,pass_rate_2,35.1,");
        SourceSet.SourceFile fetched = new SourceSet.SourceFile("aider-polyglot", "https://mirror.example/aider/", LocalDate.of(2026, 11, 23), false,
                table.getBytes(StandardCharsets.UTF_8));

        SourceSet live = own.with(fetched);

        assertThat(live.file("aider-polyglot")).isSameAs(fetched);
        assertThat(live.file("livebench").content()).isEqualTo(own.file("livebench").content());
        assertThat(LeaderboardTable.read(live)).filteredOn(s -> s.publishedName().equals("gpt-4.1-mini") && s.metric().equals("pass_rate_2"))
                .singleElement().satisfies(s -> assertThat(s.scoreText()).isEqualTo("35.1"));
        assertThat(live.fingerprint()).isNotEqualTo(own.fingerprint());
        assertThat(own.with(fetched).fingerprint()).isEqualTo(live.fingerprint());
        assertThat(live.isBundledAsIs()).isFalse();
        assertThat(live.sources()).as("the price sources are not leaderboards").isEqualTo(own.sources());
    }

    @Test
    void a_data_set_without_leaderboards_has_none_to_replace() {
        SourceSet plain = MiniData.sources();

        assertThat(plain.has("aider-polyglot")).isFalse();
        assertThatThrownBy(() -> plain.file("aider-polyglot")).isInstanceOf(SourceFormatException.class)
                .hasMessage("sources.toml at leaderboards: missing: this data set has no leaderboards");
        assertThatThrownBy(() -> plain.with(new SourceSet.SourceFile("huggingface", "x", LocalDate.of(2026, 1, 1), false, new byte[0])))
                .hasMessageStartingWith("unknown source 'huggingface'");
    }
}
