package io.modelatlas.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shapes of log {@code replay} reads, told apart by their content: the first record's field names (JSON) or the
 * header's column names (CSV) are each format's own, so a file needs no particular name.
 */
public enum LogFormat {
    /** Our JSONL: OpenAI chat requests (with or without their responses) or flat usage records. */
    JSONL("jsonl"),
    /** Our CSV: model, input_tokens, output_tokens, cached_input_tokens, timestamp. */
    CSV("csv"),
    /** A LiteLLM proxy {@code LiteLLM_SpendLogs} export (CSV with a header, a JSON array, JSONL or {"data": [...]}). */
    LITELLM("litellm"),
    /** OpenAI's Usage API completions pages ({@code GET /v1/organization/usage/completions}): buckets of sums. */
    OPENAI_USAGE("openai-usage"),
    /** OpenRouter's activity export: per-generation CSV rows, or the per-day rows of its activity API. */
    OPENROUTER("openrouter");

    private final String flag;

    LogFormat(String flag) {
        this.flag = flag;
    }

    /** The name {@code --log-format} takes and the report shows. */
    public String flag() {
        return flag;
    }

    /** Whether the log is another tool's export, read through {@link LogRows} rather than our line readers. */
    boolean foreign() {
        return this != JSONL && this != CSV;
    }

    /** {@code auto} (null: detect it) or a format's flag; the message lists them all when the text is none. */
    public static LogFormat parse(String text) {
        if (text == null || text.equalsIgnoreCase("auto")) {
            return null;
        }
        for (LogFormat f : values()) {
            if (f.flag.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + text + "'; expected auto, "
                + String.join(", ", List.of(values()).stream().map(LogFormat::flag).toList()));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The format of a log from its first bytes ({@code head[0, n)}, a UTF-8 byte order mark allowed): the fields of
     * the first JSON record, looking through one enclosing array and a {@code data} list, or the CSV header. A
     * content that is none of the foreign formats is ours: CSV when the name ends in {@code .csv}, else JSONL (whose
     * reader then reports what is wrong line by line).
     */
    static LogFormat detect(byte[] head, int n, String fileName) {
        int from = n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (from < n && Character.isWhitespace(head[from])) {
            from++;
        }
        boolean ourCsv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        if (from < n && (head[from] == '{' || head[from] == '[')) {
            return fromFields(firstRecordFields(head, from, n), ourCsv ? CSV : JSONL);
        }
        int end = from;
        while (end < n && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        Set<String> columns = new HashSet<>();
        for (String c : new String(head, from, end - from, StandardCharsets.UTF_8).split(",")) {
            columns.add(c.trim().replace("\"", ""));
        }
        return fromFields(columns, ourCsv ? CSV : JSONL);
    }

    private static LogFormat fromFields(Set<String> fields, LogFormat otherwise) {
        if (fields.contains("request_id") && fields.contains("spend")) {
            return LITELLM;
        }
        if (fields.contains("results") && fields.contains("start_time") || fields.contains("num_model_requests")
                || fields.contains("has_more") && fields.contains("next_page")) {
            return OPENAI_USAGE;
        }
        if (fields.contains("model_permaslug") || fields.contains("generation_id")) {
            return OPENROUTER;
        }
        return otherwise;
    }

    /**
     * The field names of the first record: the first object, or the first object in its {@code data} or
     * {@code results} list (a page holds buckets, a bucket holds results), one level of array allowed around it.
     * A head cut off mid-record gives the names read so far.
     */
    private static Set<String> firstRecordFields(byte[] head, int from, int n) {
        Set<String> fields = new HashSet<>();
        try (JsonParser p = JSON.getFactory().createParser(head, from, n - from)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            while (t == JsonToken.START_OBJECT) {
                Set<String> these = new HashSet<>();
                boolean descend = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    these.add(name);
                    fields.add(name);
                    t = p.nextToken();
                    if ((name.equals("data") || name.equals("results")) && t == JsonToken.START_ARRAY) {
                        JsonToken first = p.nextToken();
                        if (first == JsonToken.START_OBJECT) {
                            descend = true;
                            break;
                        }
                        p.skipChildren();
                        if (first == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (!descend) {
                    break;
                }
                t = JsonToken.START_OBJECT;
            }
        } catch (IOException | RuntimeException cutOffOrMalformed) {
            // the names read so far decide; a malformed record is reported by the reader with its line
        }
        return fields;
    }
}
