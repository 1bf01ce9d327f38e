package io.modelatlas.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.source.LeaderboardUpstream;
import io.modelatlas.fetch.FetchSettings;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fixtures.FakeUpstream;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.SourceOutcome.Status;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live refresh of a leaderboard against an upstream on 127.0.0.1: the mini data set with leaderboards, whose Aider
 * table is served cut in two files and read back by a test-only {@link TidyCsvUpstream}, so these tests do not depend
 * on the real leaderboards' readers.
 */
class LeaderboardRefreshTest {
    private static final String BASE = "/Aider-AI/aider/main/";
    private static final String PART_1 = BASE + TidyCsvUpstream.PART_1;
    private static final String PART_2 = BASE + TidyCsvUpstream.PART_2;
    private static final String AIDER = "aider-polyglot";
    private static final Map<String, LeaderboardUpstream> BOARDS = Map.of(AIDER, new TidyCsvUpstream());
    /** Rows of the mini Aider table served in the first file; the other 15 in the second. */
    private static final int FIRST = 10;
    private static final String MINI_PASS_RATE = "gpt-4.1-mini,Aider polyglot,pass_rate_2,32.4,";

    @TempDir
    Path home;
    @TempDir
    Path data;
    private Store store;
    private LiveCatalog catalog;
    private FakeUpstream upstream;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        catalog = LiveCatalog.open(store.catalogArchive(), MiniData.withLeaderboards(data), MiniData.CLOCK);
        upstream = new FakeUpstream();
        serve(MiniData.aiderTable());
    }

    @AfterEach
    void close() {
        upstream.close();
        store.close();
    }

    private void serve(String table) {
        byte[][] parts = TidyCsvUpstream.split(table, FIRST);
        upstream.serve(PART_1, parts[0]).serve(PART_2, parts[1]);
    }

    private RefreshReport refresh(boolean accept) {
        return refresh(Map.of(AIDER, upstream.url(BASE).toString()), accept);
    }

    private RefreshReport refresh(Map<String, String> sources, boolean accept) {
        HttpFetcher fetcher = new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(10),
                1024 * 1024, FetchSettings.USER_AGENT), d -> { });
        return new LiveRefresh(catalog, fetcher, home, MiniData.CLOCK, BOARDS).run(Upstreams.only(sources, BOARDS), accept, "test");
    }

    private static SourceOutcome outcome(RefreshReport report, String source) {
        return report.sources().stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow();
    }

    /** gpt-4.1-mini's Aider pass rate (2 attempts) as the catalog's leaderboards hold it now. */
    private LeaderboardScore miniPassRate() {
        String id = Leaderboard.idOf("Aider polyglot pass_rate_2");
        return catalog.catalog().leaderboards().scores(id).stream().filter(s -> s.modelId().equals("gpt-4.1-mini")).findFirst().orElseThrow();
    }

    private String state() {
        return store.latestVersion() + "|" + store.latestSnapshot(AIDER).map(SourceSnapshot::sha256).orElse("none") + "|"
                + catalog.catalog().leaderboards().scores().size() + "|" + miniPassRate().scoreText();
    }

    private List<Path> refused() throws IOException {
        if (!Files.isDirectory(home.resolve("refused"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home.resolve("refused"))) {
            return files.sorted().toList();
        }
    }

    /** The mini Aider table with gpt-4.1-mini's pass rate changed and one row of a new run added. */
    private static String withChangedAndAddedScore() {
        String table = MiniData.aiderTable();
        String changed = table.replace(MINI_PASS_RATE, "gpt-4.1-mini,Aider polyglot,pass_rate_2,35.1,");
        assertThat(changed).isNotEqualTo(table);
        String newRun = table.lines().filter(l -> l.startsWith(MINI_PASS_RATE)).findFirst().orElseThrow()
                .replace("gpt-4.1-mini,Aider polyglot,pass_rate_2,32.4,", "gpt-4.1-mini,Aider polyglot,pass_rate_2,36.0,")
                .replace("edit_format=diff", "edit_format=whole");
        return changed + newRun + "\n";
    }

    /** The mini Aider table without its last {@code n} rows. */
    private static String withoutLastRows(int n) {
        List<String> lines = MiniData.aiderTable().lines().toList();
        return String.join("\n", lines.subList(0, lines.size() - n)) + "\n";
    }

    @Test
    void a_changed_score_upstream_replaces_the_table_and_is_visible_in_the_catalogs_leaderboards() {
        assertThat(miniPassRate().scoreText()).isEqualTo("32.4");
        serve(withChangedAndAddedScore());

        RefreshReport report = refresh(false);

        assertThat(report.ok()).as(report.sources().toString()).isTrue();
        SourceOutcome aider = outcome(report, AIDER);
        assertThat(aider.status()).isEqualTo(Status.UPDATED);
        assertThat(aider.url()).isEqualTo(upstream.url(BASE));
        assertThat(aider.detail()).isEqualTo("26 scores: 1 added, 0 removed, 1 changed");
        assertThat(report.recorded().version()).isEqualTo(store.latestVersion());
        assertThat(report.recorded().sources()).singleElement().asString().startsWith("aider-polyglot " + upstream.url(BASE) + " (2026-11-23)");
        // the catalog reads the fetched table: the score, the ref it was read at, the day it was fetched
        LeaderboardScore score = miniPassRate();
        assertThat(score.scoreText()).isEqualTo("35.1");
        assertThat(catalog.catalog().leaderboards().benchmark(score.benchmarkId()).orElseThrow().origin()).isEqualTo("github.com/Aider-AI/aider@main");
        assertThat(catalog.catalog().sources()).filteredOn(i -> i.name().equals("leaderboards")).singleElement().satisfies(i -> {
            assertThat(i.entries()).isEqualTo(26);
            assertThat(i.asOf()).hasToString("2026-11-23");
            assertThat(i.origin()).endsWith("; fetched live: aider-polyglot " + upstream.url(BASE) + " (2026-11-23)");
        });
        // the store keeps the table as the source's file: a new instance on the store builds the same leaderboards
        SourceSnapshot kept = store.latestSnapshot(AIDER).orElseThrow();
        assertThat(kept.entries()).isEqualTo(26);
        assertThat(new String(kept.content(), StandardCharsets.UTF_8)).contains("gpt-4.1-mini,Aider polyglot,pass_rate_2,35.1,")
                .doesNotContain(TidyCsvUpstream.PINNED);
        LiveCatalog reopened = LiveCatalog.open(store.catalogArchive(), MiniData.withLeaderboards(data.resolve("again")), MiniData.CLOCK);
        assertThat(reopened.catalog().leaderboards().scores()).isEqualTo(catalog.catalog().leaderboards().scores());
        // the price sources' history is untouched: a leaderboard moves no price; the mapped scores it moved are reported
        assertThat(report.changes()).isEmpty();
        String passRate2 = Leaderboard.idOf("Aider polyglot pass_rate_2");
        assertThat(report.scoreChanges()).containsExactly(
                new ScoreChange("gpt-4.1-mini", passRate2, "edit_format=diff", "32.4", "35.1"),
                new ScoreChange("gpt-4.1-mini", passRate2, "edit_format=whole", null, "36.0"));
    }

    @Test
    void an_upstream_answering_304_for_each_file_is_unchanged_and_one_changed_file_fetches_the_other_in_full() {
        serve(withChangedAndAddedScore());
        assertThat(refresh(false).ok()).isTrue();
        long version = store.latestVersion();

        RefreshReport again = refresh(false);

        assertThat(outcome(again, AIDER).status()).isEqualTo(Status.UNCHANGED);
        assertThat(outcome(again, AIDER).detail()).isEqualTo("not modified upstream (HTTP 304 for each of its 2 files)");
        assertThat(upstream.requests(PART_1)).hasSize(2).last().satisfies(r -> assertThat(r.header("If-None-Match")).isNotNull());
        assertThat(upstream.requests(PART_2)).hasSize(2).last().satisfies(r -> assertThat(r.header("If-None-Match")).isNotNull());
        assertThat(store.latestVersion()).isEqualTo(version);

        // only the second file changes: the first answers 304 and is fetched again without validators to read both
        serve(withChangedAndAddedScore().replace("gpt-4.1,Aider polyglot,seconds_per_case,20.5,", "gpt-4.1,Aider polyglot,seconds_per_case,21.5,"));
        assertThat(TidyCsvUpstream.split(MiniData.aiderTable(), FIRST)[1]).asString(StandardCharsets.UTF_8).contains("gpt-4.1,Aider polyglot,seconds_per_case");
        RefreshReport third = refresh(false);

        assertThat(outcome(third, AIDER).detail()).isEqualTo("26 scores: 0 added, 0 removed, 1 changed");
        List<FakeUpstream.Request> first = upstream.requests(PART_1);
        assertThat(first).hasSize(4);
        assertThat(first.get(2).header("If-None-Match")).isNotNull();
        assertThat(first.get(3).header("If-None-Match")).isNull();
        assertThat(store.latestVersion()).isEqualTo(version + 1);
    }

    @Test
    void a_table_with_the_same_scores_records_nothing() {
        // the mini table as served differs from the data set's own only in the ref it cites
        RefreshReport report = refresh(false);

        assertThat(outcome(report, AIDER).status()).isEqualTo(Status.UNCHANGED);
        assertThat(outcome(report, AIDER).detail()).isEqualTo("the same 25 scores as the copy the catalog reads");
        assertThat(report.recorded()).isNull();
        assertThat(store.latestSnapshot(AIDER)).isEmpty();
    }

    @Test
    void a_malformed_upstream_is_refused_kept_aside_and_changes_nothing_even_with_accept() throws IOException {
        String before = state();

        // a file its reader cannot read: kept aside as fetched
        upstream.serve(PART_1, "<html>rate limited</html>".getBytes(StandardCharsets.UTF_8));
        RefreshReport unreadable = refresh(true);

        assertThat(unreadable.ok()).isFalse();
        SourceOutcome refused = outcome(unreadable, AIDER);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.acceptable()).isFalse();
        assertThat(refused.detail()).isEqualTo("its upstream files cannot be read: part-1.csv at line 1: expected the header model_name_as_published,...");
        assertThat(refused.keptAs()).isDirectory();
        assertThat(Files.readString(refused.keptAs().resolve("part-1.csv"))).isEqualTo("<html>rate limited</html>");
        assertThat(state()).isEqualTo(before);

        // a table that reads but holds a score that is no number
        serve(MiniData.aiderTable().replace(MINI_PASS_RATE, "gpt-4.1-mini,Aider polyglot,pass_rate_2,n/a,"));
        RefreshReport badScore = refresh(true);

        SourceOutcome bad = outcome(badScore, AIDER);
        assertThat(bad.status()).isEqualTo(Status.REFUSED);
        assertThat(bad.acceptable()).isFalse();
        assertThat(bad.detail()).startsWith("it is not a usable aider-polyglot table: " + upstream.url(BASE) + " at line ")
                .endsWith(" column score: expected a number, got \"n/a\"");
        assertThat(bad.keptAs().getFileName().toString()).matches("aider-polyglot-2026\\d{4}T\\d{6}Z\\.csv");
        assertThat(Files.readString(bad.keptAs())).contains("pass_rate_2,n/a,");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void a_table_losing_more_than_a_tenth_of_its_scores_is_refused_until_accepted() throws IOException {
        String before = state();
        serve(withoutLastRows(3)); // 3 of 25 scores: 12%

        RefreshReport report = refresh(false);

        assertThat(report.ok()).isFalse();
        SourceOutcome refused = outcome(report, AIDER);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.acceptable()).isTrue();
        assertThat(refused.detail()).isEqualTo("it loses 3 of the 25 scores the catalog has from it (more than 10%), e.g. "
                + "claude-sonnet-4-20250514 (no thinking) | Aider polyglot | percent_cases_well_formed; "
                + "claude-sonnet-4-20250514 (no thinking) | Aider polyglot | seconds_per_case; "
                + "claude-sonnet-4-20250514 (no thinking) | Aider polyglot | total_cost");
        assertThat(refused()).singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo(withoutLastRows(3).replace(TidyCsvUpstream.PINNED, "main")));
        assertThat(state()).isEqualTo(before);

        RefreshReport accepted = refresh(true);

        assertThat(accepted.ok()).isTrue();
        assertThat(outcome(accepted, AIDER).detail()).isEqualTo("22 scores: 0 added, 3 removed, 0 changed (accepted past the guards)");
        assertThat(catalog.catalog().leaderboards().scores()).filteredOn(s -> s.publishedName().equals("claude-sonnet-4-20250514 (no thinking)"))
                .as("two of the run's five rows remain").extracting(LeaderboardScore::scoreText).containsExactlyInAnyOrder("56.4", "20.4");

        // losing 2 of 22 (9%) passes the guard
        serve(withoutLastRows(5));
        assertThat(outcome(refresh(false), AIDER).status()).isEqualTo(Status.UPDATED);
    }

    @Test
    void an_unreachable_leaderboard_fails_alone_and_the_price_sources_are_still_refreshed() throws IOException {
        upstream.serve("/litellm.json", MiniData.litellmWithMiniInput("3.5e-07"));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("litellm", upstream.url("/litellm.json").toString());
        URI dead = FakeUpstream.closedPort("/Aider-AI/aider/main/");
        sources.put(AIDER, dead.toString());
        String scoresBefore = catalog.catalog().leaderboards().scores().toString();

        RefreshReport report = refresh(sources, false);

        assertThat(report.ok()).isFalse();
        SourceOutcome aider = outcome(report, AIDER);
        assertThat(aider.status()).isEqualTo(Status.FAILED);
        assertThat(aider.detail()).startsWith("part-1.csv: cannot reach " + dead.resolve("part-1.csv"));
        assertThat(outcome(report, "litellm").status()).isEqualTo(Status.UPDATED);
        assertThat(report.changes()).extracting(c -> c.modelId() + " " + c.field() + " " + c.before() + " -> " + c.after())
                .contains("gpt-4.1-mini input 0.4 -> 0.35");
        assertThat(catalog.catalog().leaderboards().scores().toString()).isEqualTo(scoresBefore);

        // one file of two failing fails the leaderboard too, with nothing half-replaced
        upstream.answer(PART_2, 500);
        RefreshReport half = refresh(false);
        assertThat(outcome(half, AIDER).status()).isEqualTo(Status.FAILED);
        assertThat(outcome(half, AIDER).detail()).startsWith("part-2.csv: ").contains("HTTP 500");
        assertThat(store.latestSnapshot(AIDER)).isEmpty();
    }

    @Test
    void a_data_set_without_leaderboards_refreshes_its_prices_as_before_and_refuses_a_named_leaderboard() {
        LiveCatalog plain = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
        HttpFetcher fetcher = new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10),
                1024 * 1024, FetchSettings.USER_AGENT), d -> { });

        RefreshReport report = new LiveRefresh(plain, fetcher, home, MiniData.CLOCK, BOARDS)
                .run(Upstreams.only(Map.of(AIDER, upstream.url(BASE).toString()), BOARDS), false, "test");

        assertThat(outcome(report, AIDER).status()).isEqualTo(Status.FAILED);
        assertThat(outcome(report, AIDER).detail()).isEqualTo("the catalog's data set has no leaderboards to refresh");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void a_leaderboard_defaults_to_its_repositorys_raw_files_and_moves_with_sources_toml_or_source() throws IOException {
        assertThat(Upstreams.read(home, Map.of()).urls()).as("no reader, no leaderboard: refresh as before").isEqualTo(Upstreams.DEFAULTS);
        assertThat(Upstreams.read(home, BOARDS).urls()).containsEntry(AIDER, URI.create("https://raw.githubusercontent.com/Aider-AI/aider/main/"));

        Files.writeString(home.resolve("sources.toml"), "[aider-polyglot]\nurl = \"https://mirror.example/aider\"\n");

        assertThat(Upstreams.read(home, BOARDS).urls().get(AIDER)).as("a base URL gets its final /").hasToString("https://mirror.example/aider/");
        assertThatThrownBy(() -> Upstreams.read(home, Map.of()))
                .hasMessageEndingWith("sources.toml: [aider-polyglot]: unknown source; expected one of litellm, modelsdev, openrouter, genaiprices");
        assertThat(Upstreams.only(Map.of(AIDER, "https://mirror.example/x/"), BOARDS).urls()).containsOnlyKeys(AIDER);
        assertThatThrownBy(() -> Upstreams.only(Map.of(AIDER, "https://mirror.example/x/"), Map.of()))
                .hasMessage("--source aider-polyglot=...: unknown source; expected one of litellm, modelsdev, openrouter, genaiprices");
        // the ref recorded in the table: the one a raw GitHub URL names, else the default branch a mirror copies
        assertThat(LiveRefresh.refOf(new TidyCsvUpstream(), URI.create("https://raw.githubusercontent.com/Aider-AI/aider/v0.86.0/"))).isEqualTo("v0.86.0");
        assertThat(LiveRefresh.refOf(new TidyCsvUpstream(), URI.create("https://mirror.example/aider/"))).isEqualTo("main");
    }

    @Test
    void a_release_with_a_newer_table_than_the_fetched_copy_takes_its_place_again() throws IOException {
        serve(withChangedAndAddedScore());
        assertThat(refresh(false).ok()).isTrue();
        assertThat(miniPassRate().scoreText()).isEqualTo("35.1");
        // the next release bundles tables dated after the copy fetched on 2026-11-23
        Path release = data.resolve("release");
        MiniData.withLeaderboards(release);
        Files.writeString(release.resolve("sources.toml"), Files.readString(release.resolve("sources.toml"))
                .replace("as_of = \"2026-03-10\"", "as_of = \"2026-12-01\""));

        catalog = LiveCatalog.open(store.catalogArchive(), io.modelatlas.catalog.source.SourceSet.directory(release), MiniData.CLOCK);

        assertThat(miniPassRate().scoreText()).isEqualTo("32.4");
        assertThat(store.latestSnapshot(AIDER).orElseThrow().asOf()).hasToString("2026-12-01");
        assertThat(catalog.versions(1)).singleElement().satisfies(v -> assertThat(v.actor()).isEqualTo("system: newer bundled data"));
    }

    @Test
    void refresh_from_the_bundled_files_puts_the_data_sets_own_table_back_in_place_of_a_fetched_one() {
        serve(withChangedAndAddedScore());
        assertThat(refresh(false).ok()).isTrue();
        long version = store.latestVersion();

        ImportResult back = catalog.refresh(MiniData.withLeaderboards(data.resolve("own")), "test");

        assertThat(back.version()).isEqualTo(version + 1);
        assertThat(back.sources()).contains("aider-polyglot leaderboards/aider-polyglot.csv (2026-03-10)");
        assertThat(miniPassRate().scoreText()).isEqualTo("32.4");
        // with the own table in use again, the next refresh from the bundled files finds nothing to record
        assertThat(catalog.refresh(MiniData.withLeaderboards(data.resolve("own-again")), "test").unchanged()).isTrue();
    }
}
