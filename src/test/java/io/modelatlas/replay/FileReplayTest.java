package io.modelatlas.replay;

import static io.modelatlas.replay.LiteLlmReplayTest.CATALOG;
import static io.modelatlas.replay.LiteLlmReplayTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.api.Json;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Model;
import io.modelatlas.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log file read in parts on several threads gives the report one read of the whole file gives, byte for byte, for
 * every format replay reads: the fixtures are cut into 2 to 16 parts (the minimum size is lifted so small files are
 * cut), so cuts land inside quoted CSV cells over several lines, inside JSON strings with escaped quotes and brackets,
 * and between pages. Bad lines keep their file line numbers in every part; strict mode stops at the file's first.
 */
class FileReplayTest {
    private static final List<Model> TARGETS = List.of(Fixtures.gpt4oMini(), Fixtures.gpt41Mini(), Fixtures.gpt41());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = resource(resource)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static ReplayReport replay(Path file, ReadParallelism parallelism, boolean strict) throws IOException {
        return ReplayReport.runFile(file, CompletableFuture.completedFuture(CATALOG), c -> TARGETS, strict, null, parallelism, null);
    }

    /** Everything the report shows: its JSON and its table. */
    private static String shown(ReplayReport r) {
        return Json.write(ReplayReportJson.from(r)) + "\n" + r.table();
    }

    private static List<LogRanges.Range> ranges(Path file, int parts) throws IOException {
        byte[] head = Files.readAllBytes(file);
        return LogRanges.cut(file, LogFormat.detect(head, head.length, file.toString()), LogReader.startsAsJson(head), parts);
    }

    /** The text a part's reader reads: its prefix, its bytes, its suffix. */
    private static String partText(Path file, LogRanges.Range range) throws IOException {
        try (InputStream in = range.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same report from 2 to 16 parts as from one thread; and the file is really cut (into 3 parts at least once). */
    private void assertSameReportInParts(Path file) throws IOException {
        ReplayReport one = replay(file, ReadParallelism.oneThread(), false);
        assertThat(one.requests()).as("the fixture has requests").isPositive();
        String expected = shown(one);
        int mostParts = 1;
        for (int parts = 2; parts <= 16; parts++) {
            mostParts = Math.max(mostParts, ranges(file, parts).size());
            assertThat(shown(replay(file, new ReadParallelism(parts, 0), false))).as("%s in %d parts", file.getFileName(), parts).isEqualTo(expected);
        }
        assertThat(mostParts).as("parts %s was cut into", file.getFileName()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"litellm-spend-logs.csv", "litellm-spend-logs.json", "openai-usage-completions.json", "openrouter-activity.csv",
                            "parts/openrouter-activity.json", "parts/usage.jsonl", "parts/usage.csv"})
    void every_format_read_in_parts_gives_the_report_of_one_read(String fixture) throws IOException {
        assertSameReportInParts(copy(fixture, fixture.replace("parts/", "")));
    }

    /** The LiteLLM rows with strings full of what a naive cut would take for structure, one row a line as /spend/logs writes. */
    @Test
    void json_strings_with_escaped_quotes_brackets_and_a_data_key_do_not_move_the_cuts() throws IOException {
        ArrayNode rows = (ArrayNode) new ObjectMapper().readTree(resource("litellm-spend-logs.json"));
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row;
            r.put("messages", "he said \"}, {\"request_id\": \"fake\", \"spend\": 1}\n] [ {\\\" \\\\");
            r.putObject("response").putArray("data").addObject().put("x", "}],[{");
            lines.add(JSON.writeValueAsString(r));
        }
        Path file = dir.resolve("spend.json");
        Files.writeString(file, "[\n" + String.join(",\n", lines) + "\n]\n");
        assertSameReportInParts(file);
        for (int parts = 2; parts <= 16; parts++) {
            for (LogRanges.Range range : ranges(file, parts)) {
                String text = partText(file, range);
                // each part is JSON of its own whose records are whole rows
                for (JsonNode record : JSON.readTree(text.startsWith("[") ? text : "[" + text + "]")) {
                    assertThat(record.has("request_id") && record.has("spend")).as("a whole row in %s", text).isTrue();
                }
            }
        }
    }

    /**
     * A nested array of objects broken over lines like the records are: its second element looks like a record's
     * start to the line scan. The part before such a cut is not well formed JSON with one bracket closing it, so the
     * file is read again in one go, and the report is still the one read's.
     */
    @Test
    void a_nested_array_that_looks_like_records_is_caught_by_the_read_and_read_again_in_one_go() throws IOException {
        ArrayNode rows = (ArrayNode) new ObjectMapper().readTree(resource("litellm-spend-logs.json"));
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row;
            r.remove("messages");
            String text = JSON.writeValueAsString(r);
            // the messages last, their second element on a line of its own
            lines.add(text.substring(0, text.length() - 1) + ",\"messages\":[{\"role\":\"user\"},\n{\"role\":\"assistant\"}]}");
        }
        Path file = dir.resolve("nested.json");
        Files.writeString(file, "[\n" + String.join(",\n", lines) + "\n]\n");
        boolean misleading = false;
        for (int parts = 2; parts <= 16; parts++) {
            for (LogRanges.Range range : ranges(file, parts)) {
                misleading |= partText(file, range).startsWith("[{\"role\"");
            }
        }
        assertThat(misleading).as("some cut falls before a message, which the line scan cannot tell from a record").isTrue();
        assertSameReportInParts(file);
    }

    /** OpenAI usage pages, one a line as paging through the API and appending writes them: cut between and inside pages. */
    @Test
    void usage_pages_one_a_line_are_cut_between_and_inside_pages() throws IOException {
        StringBuilder pages = new StringBuilder();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(resource("openai-usage-completions.json"))) {
            while (it.hasNext()) {
                ObjectNode page = (ObjectNode) it.next();
                page.put("next_page", "{\"data\":[{\"results\":[]}]}");
                pages.append(JSON.writeValueAsString(page)).append('\n');
            }
        }
        Path file = dir.resolve("usage-pages.jsonl");
        Files.writeString(file, pages);
        assertSameReportInParts(file);
        assertThat(ranges(file, 6).stream().map(LogRanges.Range::prefix).map(p -> new String(p, StandardCharsets.US_ASCII)))
                .as("some part starts inside a page's data").contains("{\"data\":[");
    }

    @Test
    void a_csv_cut_never_falls_inside_a_quoted_cell_over_several_lines() throws IOException {
        String header = "request_id,spend,prompt_tokens,completion_tokens,startTime,model,metadata,messages\n";
        String first = "chatcmpl-1,0.00036,1200,300,2026-05-01 09:00:00.000,gpt-4o-mini,{},\"[\n" + "x\n".repeat(200)
                + "chatcmpl-fake,1,1,1,2026-05-01 09:00:00.000,gpt-4o-mini,{},\"\"{}\"\"\n" + "x\n".repeat(200) + "]\"\n";
        String second = "chatcmpl-2,0.00072,1000,200,2026-05-20 10:00:00.000,gpt-4.1-mini,{},[]\n";
        Path file = dir.resolve("spend.csv");
        Files.writeString(file, header + first + second);
        // the middle of the file is inside the first row's messages cell, next to a line that looks like a row
        List<LogRanges.Range> ranges = ranges(file, 2);
        assertThat(ranges).hasSize(2);
        assertThat(partText(file, ranges.get(1))).isEqualTo(header + second);
        // the second row is line 405 (header, first row's line, 401 lines of its cell, its closing line): the header
        // is read again as line 404
        assertThat(ranges.get(1).linesBefore()).isEqualTo(403);
        ReplayReport parts = replay(file, new ReadParallelism(2, 0), false);
        assertThat(parts.requests()).isEqualTo(2);
        assertThat(shown(parts)).isEqualTo(shown(replay(file, ReadParallelism.oneThread(), false)));
    }

    @Test
    void bad_lines_of_a_later_part_are_reported_with_their_line_in_the_file() throws IOException {
        Path file = copy("parts/usage.jsonl", "usage.jsonl");
        List<String> lines = Files.readAllLines(file);
        int notJson = lines.indexOf("not json at all") + 1;
        List<LogRanges.Range> two = ranges(file, 2);
        assertThat(two.get(1).linesBefore()).as("the bad lines after the first are in the second part").isLessThan(notJson - 1);
        ReplayReport r = replay(file, new ReadParallelism(2, 0), false);
        assertThat(r.problems()).satisfiesExactly(
                p -> assertThat(p).isEqualTo("line 7: input_tokens must be a non-negative whole number, got -5"),
                p -> assertThat(p).startsWith("line " + notJson + ": not valid JSON"),
                p -> assertThat(p).isEqualTo("line 15: cached_input_tokens (20) cannot exceed input_tokens (10)"));
        assertThat(lines.get(15 - 1)).contains("\"cached_input_tokens\":20");
        assertThat(r.skippedLines()).isEqualTo(3);
    }

    @Test
    void strict_mode_stops_at_the_first_bad_line_of_the_file_whichever_part_holds_it() throws IOException {
        Path file = copy("parts/usage.jsonl", "usage.jsonl");
        for (int parts = 1; parts <= 16; parts++) {
            ReadParallelism parallelism = new ReadParallelism(parts, 0);
            assertThatThrownBy(() -> replay(file, parallelism, true)).as("%d parts", parts)
                    .isInstanceOf(BadLineException.class).hasMessage(file + " line 7: input_tokens must be a non-negative whole number, got -5");
        }
        // without line 7's error the first is in the second half of the file
        Files.writeString(file, Files.readString(file).replace("\"input_tokens\":-5", "\"input_tokens\":5"));
        int notJson = Files.readAllLines(file).indexOf("not json at all") + 1;
        assertThat(ranges(file, 2).get(1).linesBefore()).isLessThan(notJson - 1);
        for (int parts = 1; parts <= 16; parts++) {
            ReadParallelism parallelism = new ReadParallelism(parts, 0);
            assertThatThrownBy(() -> replay(file, parallelism, true)).as("%d parts", parts)
                    .isInstanceOf(BadLineException.class).hasMessageStartingWith(file + " line " + notJson + ": not valid JSON");
        }
    }

    @Test
    void malformed_json_is_read_again_in_one_go_and_reported_where_one_read_reports_it() throws IOException {
        String text = new String(resource("litellm-spend-logs.json").readAllBytes(), StandardCharsets.UTF_8);
        Path file = dir.resolve("broken.json");
        // an unclosed string past the middle: the cuts after it are not to be trusted
        int at = text.indexOf("\"request_id\"", text.length() / 2);
        Files.writeString(file, text.substring(0, at) + "\"request_id: \"x\"," + text.substring(at + "\"request_id\"".length()));
        String one = messageOf(file, ReadParallelism.oneThread());
        assertThat(one).contains("not valid JSON");
        for (int parts = 2; parts <= 8; parts++) {
            assertThat(messageOf(file, new ReadParallelism(parts, 0))).isEqualTo(one);
        }
    }

    private static String messageOf(Path file, ReadParallelism parallelism) {
        try {
            replay(file, parallelism, false);
            return "no error";
        } catch (BadLineException | IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void a_small_file_is_read_on_one_thread() throws IOException {
        Path file = copy("parts/usage.jsonl", "usage.jsonl");
        long[] read = {0};
        ReplayReport r = ReplayReport.runFile(file, CompletableFuture.completedFuture(CATALOG), c -> TARGETS, false, null,
                new ReadParallelism(4, Files.size(file) + 1), n -> read[0] += n);
        assertThat(read[0]).as("progress counts the file's bytes once").isEqualTo(Files.size(file));
        assertThat(r.requests()).isPositive();
    }
}
