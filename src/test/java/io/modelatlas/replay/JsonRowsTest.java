package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The streamed JSON reader of other tools' exports keeps only the fields a format reads: each kept field must read as
 * it did when every record was built into a tree (the reference here: {@link JsonNode#asText()} for a scalar, the
 * tree's text for a nested value), in every container (an array, JSON Lines, a page's {@code data}), with the line
 * each record starts on; the fields not kept read as absent.
 */
class JsonRowsTest {
    private static final Set<String> KEPT = Set.of("a", "b", "metadata");
    private static final String[] NAMES = {"a", "b", "metadata", "skipped"};
    private static final String[] VALUES = {"\"x\"", "\"\"", "\" \"", "12", "-0", "0.00100", "1e2", "1.5E-7", "0.0010052000000000001", "true",
        "false", "null", "\"日本\"", "\"a\\\"b\"", "{\"usage_object\":{\"prompt_tokens_details\":{\"cached_tokens\":3}}}", "[1,2.50,{}]", "{}",
        "\"{\\\"usage_object\\\":{\\\"cache_read_input_tokens\\\":4}}\"", "123456789012345678901234567890"};

    private record Read(List<String> rows, List<String> bad) {}

    private static Read read(String json) throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        JsonRows.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new LogRows.Handler() {
            @Override
            public void row(LogRows.Row row) {
                JsonNode metadata = row.text("metadata") == null || !row.text("metadata").startsWith("{") ? null : row.json("metadata");
                rows.add(row.line() + " a=" + row.text("a") + " b=" + row.text("b") + " metadata=" + row.text("metadata") + " tree=" + metadata
                        + " skipped=" + row.text("skipped"));
            }

            @Override
            public void bad(long line, String reason) {
                bad.add(line + ": " + reason);
            }
        }, "t.json", KEPT);
        return new Read(rows, bad);
    }

    /** What the tree reader made of a record: the same text, field by field. */
    private static String expected(long line, String record) throws IOException {
        JsonNode n = LogRows.JSON.readTree(record);
        String metadata = text(n, "metadata");
        JsonNode tree = metadata == null || !metadata.startsWith("{") ? null : LogRows.JSON.readTree(metadata);
        return line + " a=" + text(n, "a") + " b=" + text(n, "b") + " metadata=" + metadata + " tree=" + tree + " skipped=null";
    }

    private static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isEmpty() ? null : s;
    }

    /** One to four records of up to five fields; names repeat on purpose: the last value counts, a null included. */
    private static List<String> randomRecords(Random rnd) {
        List<String> records = new ArrayList<>();
        for (int r = 1 + rnd.nextInt(4); r > 0; r--) {
            List<String> fields = new ArrayList<>();
            for (int f = rnd.nextInt(6); f > 0; f--) {
                fields.add("\"" + NAMES[rnd.nextInt(NAMES.length)] + "\":" + VALUES[rnd.nextInt(VALUES.length)]);
            }
            records.add("{" + String.join(",", fields) + "}");
        }
        return records;
    }

    @Test
    void random_records_read_as_their_trees_read_in_every_container() throws IOException {
        Random rnd = new Random(20);
        for (int round = 0; round < 300; round++) {
            List<String> records = randomRecords(rnd);
            int container = rnd.nextInt(3);
            String file = switch (container) {
                case 0 -> "[\n" + String.join(",\n", records) + "\n]\n";
                case 1 -> String.join("\n", records) + "\n";
                default -> "{\"object\":\"page\",\"data\":[\n" + String.join(",\n", records) + "\n],\"has_more\":false,\"next_page\":null}\n";
            };
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                expected.add(expected(container == 1 ? i + 1 : i + 2, records.get(i)));
            }

            Read read = read(file);

            assertThat(read.rows()).as(file).isEqualTo(expected);
            assertThat(read.bad()).as(file).isEmpty();
        }
    }

    /** Reads exactly the value it stands on: a reader that took too much or too little would shift the next fields. */
    private static final LogRows.NestedReader AS_TREE_TEXT = p -> LogRows.JSON.readTree(p).toString();

    private static String nestedOrError(LogRows.Row row) {
        try {
            return row.nested("metadata", AS_TREE_TEXT);
        } catch (IOException e) {
            return "error: " + e.getClass().getSimpleName();
        }
    }

    @Test
    void a_nested_value_read_in_place_reads_as_the_same_reader_reads_its_text() throws IOException {
        Random rnd = new Random(21);
        for (int round = 0; round < 300; round++) {
            List<String> records = randomRecords(rnd);
            String file = "[\n" + String.join(",\n", records) + "\n]\n";
            List<String> expected = new ArrayList<>();
            for (String record : records) {
                JsonNode n = LogRows.JSON.readTree(record);
                String metadata = text(n, "metadata");
                LogRows.Row reference = new LogRows.MapRow(0, metadata == null ? Map.of() : Map.of("metadata", metadata));
                expected.add("a=" + text(n, "a") + " b=" + text(n, "b") + " metadata=" + nestedOrError(reference));
            }
            List<String> rows = new ArrayList<>();

            JsonRows.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), new LogRows.Handler() {
                @Override
                public void row(LogRows.Row row) {
                    rows.add("a=" + row.text("a") + " b=" + row.text("b") + " metadata=" + nestedOrError(row));
                }

                @Override
                public void bad(long line, String reason) {
                    rows.add(line + ": " + reason);
                }
            }, "t.json", KEPT, Map.of("metadata", AS_TREE_TEXT), 0);

            assertThat(rows).as(file).isEqualTo(expected);
        }
    }

    @Test
    void a_float_keeps_the_exact_decimal_the_tree_gave_never_a_double() throws IOException {
        Read read = read("[{\"a\":0.0010052000000000001,\"b\":0.00100},{\"a\":-0.0000001,\"b\":1.5e3},{\"a\":0.000001,\"b\":-12.25}]");

        assertThat(read.rows()).containsExactly("1 a=0.0010052000000000001 b=0.001 metadata=null tree=null skipped=null",
                "1 a=-1E-7 b=1.5E+3 metadata=null tree=null skipped=null", "1 a=0.000001 b=-12.25 metadata=null tree=null skipped=null");
    }

    @Test
    void an_element_that_is_no_object_is_a_bad_line_and_the_records_around_it_are_read() throws IOException {
        Read read = read("[\n{\"a\":1},\n5,\n{\"a\":2}\n]");

        assertThat(read.rows()).containsExactly("2 a=1 b=null metadata=null tree=null skipped=null", "4 a=2 b=null metadata=null tree=null skipped=null");
        assertThat(read.bad()).containsExactly("3: expected a JSON object, got 5");
    }

    @Test
    void malformed_json_stops_the_read_naming_its_line() {
        assertThatThrownBy(() -> read("[\n{\"a\":1},\n{\"a\":,\n{\"a\":2}\n]"))
                .isInstanceOf(BadLineException.class)
                .hasMessageStartingWith("t.json line 3: not valid JSON (")
                .hasMessageEndingWith("the rest of the file cannot be read");
    }

    @Test
    void a_data_field_that_is_no_list_is_a_field_of_the_record() throws IOException {
        Read read = read("{\"a\":\"x\",\"data\":5}");

        assertThat(read.rows()).containsExactly("1 a=x b=null metadata=null tree=null skipped=null");
    }
}
