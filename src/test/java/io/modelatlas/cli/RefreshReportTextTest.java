package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.refresh.RefreshReport;
import io.modelatlas.refresh.ScoreChange;
import io.modelatlas.refresh.SourceOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How refresh prints what it did with a leaderboard. */
class RefreshReportTextTest {
    private static final URI AIDER = URI.create("https://raw.githubusercontent.com/Aider-AI/aider/main/");

    private static String[] print(RefreshReport report) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RefreshReportText.print(report, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void a_refreshed_leaderboard_prints_its_counts_and_the_scores_of_catalog_models_it_moved() {
        RefreshReport report = new RefreshReport(LocalDate.of(2026, 11, 23), List.of(
                new SourceOutcome("aider-polyglot", AIDER, SourceOutcome.Status.UPDATED, "26 scores: 1 added, 0 removed, 1 changed", null, false)),
                null, List.of(), List.of(
                new ScoreChange("gpt-4.1-mini", "aider-polyglot-pass-rate-2", "edit_format=diff", "32.4", "35.1"),
                new ScoreChange("gpt-4.1-mini", "aider-polyglot-pass-rate-2", "", null, "36.0")));

        String[] text = print(report);

        assertThat(text[0]).isEqualTo("""
                aider-polyglot  updated    https://raw.githubusercontent.com/Aider-AI/aider/main/: 26 scores: 1 added, 0 removed, 1 changed
                changes observed 2026-11-23: none
                leaderboard scores of catalog models changed: 2
                  score    gpt-4.1-mini aider-polyglot-pass-rate-2 (edit_format=diff): 32.4 -> 35.1
                  score    gpt-4.1-mini aider-polyglot-pass-rate-2: none -> 36.0
                """.replace("\n", System.lineSeparator()));
        assertThat(text[1]).isEmpty();
    }

    @Test
    void a_refused_leaderboard_offers_accept_but_not_import_which_takes_price_sources_only() {
        Path kept = Path.of("/home/ops/.modelatlas/refused/aider-polyglot-20261123T100000Z.csv");
        RefreshReport report = new RefreshReport(LocalDate.of(2026, 11, 23), List.of(new SourceOutcome("aider-polyglot", AIDER,
                SourceOutcome.Status.REFUSED, "it loses 3 of the 25 scores the catalog has from it (more than 10%)", kept, true)), null, List.of());

        String err = print(report)[1];

        assertThat(err).isEqualTo("error: aider-polyglot refused: it loses 3 of the 25 scores the catalog has from it (more than 10%); the catalog "
                + "keeps its copy. The file is kept as " + kept + "; after review, take it with: refresh --accept --source aider-polyglot=" + AIDER
                + System.lineSeparator());
    }
}
