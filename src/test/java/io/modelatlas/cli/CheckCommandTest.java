package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelatlas check}: the three report formats of the README's example article, and the exit codes. */
class CheckCommandTest {
    private static final String EXAMPLE = "src/test/resources/check/example-article.md";
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(() -> catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err), (h, p) -> { },
                (d, m, p) -> "", () -> { throw new IllegalStateException("no store in this test"); });
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = new Main(ctx).run(full);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void check_example_article_as_text_exits_1_because_a_claim_is_wrong() {
        Run r = run("", EXAMPLE);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FAILURE);
        assertThat(r.out()).contains(EXAMPLE + ":10:41 wrong     ratio: \"90% cheaper\" -> GPT-4.1 Mini costs 2.67 times as much as GPT-4o Mini on input",
                "    right: GPT-4.1 Mini costs 2.67 times as much as GPT-4o Mini on input: GPT-4o Mini is 62.5% cheaper.",
                "13 claims, 7 right, 1 rounded, 2 wrong, 1 disputed, 1 unsourced, 1 unchecked");
        Golden.assertMatches("cli/check-example-article.txt", r.out());
    }

    @Test
    void check_example_article_as_json() {
        Run r = run("", EXAMPLE, "--format", "json");
        assertThat(r.code()).isEqualTo(Main.FAILURE);
        assertThat(r.out()).contains("\"verdict\" : \"disputed\"", "\"any_wrong\" : true", "\"kind\" : \"knowledge_cutoff\"");
        Golden.assertMatches("api/check-example-article.json", r.out());
    }

    @Test
    void check_example_article_as_html_marks_each_claim_by_verdict() {
        Run r = run("", EXAMPLE, "--format", "html");
        assertThat(r.out()).contains("<mark class=\"wrong\"", "<mark class=\"unsourced\"", "<mark class=\"rounded\"").doesNotContain("<script");
        Golden.assertMatches("cli/check-example-article.html", r.out());
    }

    @Test
    void text_on_standard_input_with_nothing_wrong_exits_0() {
        Run r = run("GPT-4.1 Mini costs $0.40 per million input tokens and $1.60 per million output tokens.\n", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("-:1:20 right     price", "2 claims, 2 right");
    }

    @Test
    void a_missing_file_exits_2_naming_it() {
        Run r = run("", "no-such-article.md");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no such file: no-such-article.md");
    }

    @Test
    void a_binary_file_exits_2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe, 0});
        Run r = run("", file.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("is not UTF-8 text");
    }

    @Test
    void a_bad_format_or_date_exits_2_naming_the_option() {
        Run format = run("", EXAMPLE, "--format", "pdf");
        assertThat(format.code()).isEqualTo(Main.USAGE);
        assertThat(format.err()).contains("--format must be text, json or html");
        Run date = run("", EXAMPLE, "--as-of", "last year");
        assertThat(date.code()).isEqualTo(Main.USAGE);
        assertThat(date.err()).contains("--as-of must be a date like 2024-09-30, not 'last year'");
    }

    @Test
    void an_article_older_than_the_catalog_data_is_not_called_wrong_on_it() {
        Run r = run("", EXAMPLE, "--as-of", "2024-09-30");
        assertThat(r.out()).contains(":10:41 unchecked ratio: \"90% cheaper\"", "catalog data is newer than 2024-09-30")
                .doesNotContain("wrong     ratio");
    }

    @Test
    void help_lists_the_options() {
        Run r = run("", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("FILE|URL|-", "--format", "--as-of");
    }
}
