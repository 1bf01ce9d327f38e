package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.text.Csv;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16: every bundled leaderboard can be read from upstream, from the repository and files its rows name. */
class LeaderboardUpstreamTest {

    @Test
    void every_bundled_source_has_its_upstream_by_name() {
        assertThat(LeaderboardUpstream.all()).containsOnlyKeys(LeaderboardTable.SOURCES);
        LeaderboardUpstream.all().forEach((name, upstream) -> assertThat(upstream.source()).isEqualTo(name));
    }

    @Test
    void each_upstream_fetches_the_repository_and_files_its_bundled_rows_name() {
        for (LeaderboardUpstream upstream : LeaderboardUpstream.all().values()) {
            Set<String> repos = new HashSet<>();
            Set<String> paths = new HashSet<>();
            List<String> lines = UpstreamFixtures.lines(UpstreamFixtures.bundled(upstream.source()));
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = Csv.split(line);
                repos.add(f.get(7));
                paths.add(f.get(9));
            }
            assertThat(repos).as(upstream.source()).containsExactly("github.com/" + upstream.repo());
            assertThat(upstream.paths()).as(upstream.source()).containsAll(paths).doesNotHaveDuplicates();
        }
    }
}
