package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.text.Csv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader of other tools' exports works on bytes and splits fields only where asked: it must read what
 * {@link Csv#split} (the reference, String by String) reads, and the spend log's cached tokens, streamed out of
 * {@code metadata}, must be what its tree says.
 */
class LogRowsCsvTest {
    private static final String[] PIECES = {"a", "gpt-4o", " ", ",", "\"", "\n", "é", "日本", "{\"k\":\"v, w\"}", "", "0.5", "\t"};

    private record Read(List<List<String>> rows, List<String> bad) {}

    private static Read read(byte[] csv, String... fields) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        LogRows.csv(new LogLines(new ByteArrayInputStream(csv)), new LogRows.Handler() {
            @Override
            public void row(LogRows.Row row) {
                List<String> values = new ArrayList<>();
                for (String f : fields) {
                    values.add(row.line() + ":" + row.text(f));
                }
                rows.add(values);
            }

            @Override
            public void bad(long line, String reason) {
                bad.add(line + ": " + reason);
            }
        }, "t.csv");
        return new Read(rows, bad);
    }

    @Test
    void random_records_read_field_by_field_as_the_string_splitter_reads_them() throws IOException {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int columns = 1 + rnd.nextInt(5);
            List<String> names = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                names.add("c" + c);
            }
            StringBuilder file = new StringBuilder(String.join(",", names)).append('\n');
            List<List<String>> expected = new ArrayList<>();
            long line = 2;
            for (int r = 0; r < 1 + rnd.nextInt(4); r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    StringBuilder cell = new StringBuilder();
                    for (int k = rnd.nextInt(4); k > 0; k--) {
                        cell.append(PIECES[rnd.nextInt(PIECES.length)]);
                    }
                    cells.add(Csv.quote(cell.toString()));
                }
                String record = String.join(",", cells);
                if (record.isBlank()) {
                    continue; // a blank line is no record
                }
                // the reference: the record joined back into one String, split, each field trimmed (null when empty)
                List<String> want = new ArrayList<>();
                for (String f : Csv.split(record)) {
                    want.add(line + ":" + (f.trim().isEmpty() ? null : f.trim()));
                }
                expected.add(want);
                file.append(record).append('\n');
                line += record.chars().filter(ch -> ch == '\n').count() + 1;
            }
            Read got = read(file.toString().getBytes(StandardCharsets.UTF_8), names.toArray(String[]::new));
            assertThat(got.bad()).as(file.toString()).isEmpty();
            assertThat(got.rows()).as(file.toString()).isEqualTo(expected);
        }
    }

    @Test
    void a_row_that_is_not_utf8_an_open_quote_and_a_wrong_column_count_are_bad_lines_with_their_numbers() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("model,n\nok,1\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'b', (byte) 0xC3, ',', '2', '\n'}); // 0xC3 starts a 2-byte sequence that never ends
        file.writeBytes("\"caf\u00e9\",3\nthree,4,5\nlast,\"open\n".getBytes(StandardCharsets.UTF_8));
        Read got = read(file.toByteArray(), "model", "n");
        assertThat(got.rows()).containsExactly(List.of("2:ok", "2:1"), List.of("4:caf\u00e9", "4:3"));
        assertThat(got.bad()).containsExactly("3: not valid UTF-8", "5: expected 2 columns, got 3", "6: unterminated quoted field");
    }

    @Test
    void a_header_that_is_not_utf8_stops_the_read_naming_the_file_and_line() {
        byte[] file = {'m', (byte) 0xFF, ',', 'n', '\n', 'a', ',', '1', '\n'};
        assertThatThrownBy(() -> read(file, "n")).isInstanceOf(BadLineException.class).hasMessageContaining("t.csv")
                .hasMessageContaining("not valid UTF-8");
    }

    private static List<Object> spend(String metadataCell) {
        String csv = "request_id,spend,model,prompt_tokens,completion_tokens,startTime,metadata\n"
                + "r-1,0.001,gpt-4o-mini,1000,10,2026-05-01 09:00:00.000," + metadataCell + "\n";
        LogReader reader = new LogReader("spend.csv", false, m -> null);
        List<Object> out = new ArrayList<>();
        Consumer<LoggedRequest> sink = r -> out.add(r.cachedInputTokens());
        reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
        out.addAll(reader.problems());
        return out;
    }

    private static String cell(String json) {
        return Csv.quote(json);
    }

    @Test
    void cached_tokens_come_from_the_usage_in_metadata_whatever_else_it_holds() {
        assertThat(spend(cell("{\"a\":[1,{\"usage_object\":{\"cache_read_input_tokens\":5}}],\"usage_object\":{\"prompt_tokens_details\":{\"x\":{},\"cached_tokens\":300}}}")))
                .containsExactly(300L);
        assertThat(spend(cell("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":null},\"cache_read_input_tokens\":40}}"))).containsExactly(40L);
        assertThat(spend(cell("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":12.0}}}"))).containsExactly(12L);
        assertThat(spend(cell("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":7}},\"usage_object\":{}}"))).containsExactly(0L);
        assertThat(spend(cell("[1,2]"))).containsExactly(0L);
        assertThat(spend("")).as("no metadata").containsExactly(0L);
    }

    @Test
    void metadata_that_is_not_json_or_holds_a_bad_count_is_a_bad_line() {
        assertThat(spend(cell("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":3}}, oops}")))
                .singleElement().asString().startsWith("line 2: metadata is not valid JSON");
        assertThat(spend(cell("{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":2.5}}}")))
                .containsExactly("line 2: metadata.usage_object cached tokens must be a non-negative whole number, got 2.5");
        assertThat(spend(cell("{\"usage_object\":{\"cache_read_input_tokens\":-1}}")))
                .containsExactly("line 2: metadata.usage_object cached tokens must be a non-negative whole number, got -1");
        assertThat(spend(cell("{\"usage_object\":{\"cache_read_input_tokens\":2000}}")))
                .containsExactly("line 2: metadata.usage_object says 2000 cached tokens, more than prompt_tokens (1000)");
    }
}
