package io.modelatlas.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelatlas.tokens.ChatTokenCounter;
import io.modelatlas.tokens.TokenCounter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a request log line by line (constant memory): JSONL of OpenAI chat requests (bare, or as
 * {@code {"request": ..., "response": ...}}, with or without {@code usage}), JSONL usage records
 * ({@code model, input_tokens, output_tokens, cached_input_tokens, timestamp}), or CSV with those columns and a header.
 * Measured usage is used where present; otherwise tokens are counted from the text with the model's tokenizer. A bad
 * line is reported with its number and reason and skipped, or, in strict mode, stops the read.
 */
public final class LogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPORTED_PROBLEMS = 20;

    private final String file;
    private final boolean strict;
    private final Function<String, TokenCounter> tokenizerOfModel;
    private final List<String> problems = new ArrayList<>();
    private long skipped;
    private long counted;
    private long estimated;
    private long withoutResponse;
    private long lines;

    private final LogFormat forced;
    private final long linesBefore;
    private final boolean fileStart;
    private LogFormat format;
    private final OpenAiUsageBuckets buckets = new OpenAiUsageBuckets();

    public LogReader(String file, boolean strict, Function<String, TokenCounter> tokenizerOfModel) {
        this(file, strict, tokenizerOfModel, null);
    }

    /** @param format the log's format, or null to tell it from the content ({@link LogFormat#detect}) */
    public LogReader(String file, boolean strict, Function<String, TokenCounter> tokenizerOfModel, LogFormat format) {
        this(file, strict, tokenizerOfModel, format, 0, true);
    }

    /**
     * A reader of one part of a file (see LogRanges): the part's first line is the file's line {@code linesBefore + 1},
     * so every line it reports is the file's; {@code fileStart} says whether the part starts the file (a byte order
     * mark is dropped only there).
     */
    LogReader(String file, boolean strict, Function<String, TokenCounter> tokenizerOfModel, LogFormat format, long linesBefore, boolean fileStart) {
        this.file = file;
        this.strict = strict;
        this.tokenizerOfModel = tokenizerOfModel;
        this.forced = format;
        this.linesBefore = linesBefore;
        this.fileStart = fileStart;
    }

    /**
     * Adds what {@code later} read from the part of the same file that follows this one's: counts add up, problems
     * are listed in line order (the first {@value #REPORTED_PROBLEMS} of the file), batch buckets too.
     */
    void merge(LogReader later) {
        skipped += later.skipped;
        for (String p : later.problems) {
            if (problems.size() < REPORTED_PROBLEMS) {
                problems.add(p);
            }
        }
        counted += later.counted;
        estimated += later.estimated;
        withoutResponse += later.withoutResponse;
        buckets.merge(later.buckets);
        lines = later.lines;
    }

    /** How much of a log's start is looked at to tell its format: enough for the first record of any export. */
    private static final int HEAD = 64 * 1024;

    /** The format read (after {@link #read}): the forced one, or the one detected. */
    public LogFormat format() {
        return format;
    }

    /** The line of the request the sink was last given (of the record's start, for records over several lines). */
    public long line() {
        return lines;
    }

    /** How many requests of an OpenAI usage export went through the Batch API (priced at each model's batch tier). */
    public long batchRequests() {
        return buckets.batchRequests();
    }

    /** How many usage buckets held batch requests. */
    public long batchBuckets() {
        return buckets.batchBuckets();
    }

    /** The first of those buckets, each with its line, start and what it held. */
    public List<String> listedBatchBuckets() {
        return buckets.listedBatchBuckets();
    }

    /**
     * Reads every request and hands it on; returns how many were read. Lines are read as bytes, so a line that is not
     * valid UTF-8 is one bad line, not the end of the read; flat usage records take a fast path that never builds a
     * String or a JSON tree.
     */
    public long read(InputStream input, Consumer<LoggedRequest> sink) {
        BufferedInputStream peekable = new BufferedInputStream(input, HEAD);
        boolean json;
        try {
            peekable.mark(HEAD);
            byte[] head = peekable.readNBytes(HEAD);
            peekable.reset();
            format = forced != null ? forced : LogFormat.detect(head, head.length, file);
            json = startsAsJson(head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (format.foreign()) {
            return readRows(peekable, json, sink);
        }
        boolean csv = format == LogFormat.CSV;
        LogLines in = new LogLines(peekable, linesBefore, fileStart);
        UsageLineParser fast = new UsageLineParser();
        String[] header = null;
        long read = 0;
        try {
            while (in.next()) {
                lines = in.number();
                if (in.tooLong()) {
                    bad("longer than " + in.maxLineBytes() / (1024 * 1024) + " MB");
                    continue;
                }
                if (in.blank()) {
                    continue;
                }
                LoggedRequest r;
                try {
                    r = csv ? null : fast.parse(in.bytes(), in.length());
                    if (r == null) {
                        String line = in.text();
                        if (csv) {
                            if (header == null) {
                                header = header(line);
                                continue;
                            }
                            r = csvRecord(header, line);
                        } else if (line.contains("\"input_tokens\"") && !line.contains("\"messages\"")) {
                            r = usageRecord(line);
                        } else {
                            r = jsonRecord(JSON.readTree(line));
                        }
                    }
                } catch (CharacterCodingException e) {
                    if (csv && header == null) {
                        // the header names the columns of every line after it: without it no line can be read
                        throw new BadLineException(file, lines, "the CSV header is not valid UTF-8");
                    }
                    bad("not valid UTF-8");
                    continue;
                } catch (JsonProcessingException e) {
                    bad("not valid JSON (" + e.getOriginalMessage() + ")");
                    continue;
                } catch (IllegalArgumentException | ClassCastException e) {
                    bad(e.getMessage());
                    continue;
                }
                // outside the try: a failure of the sink (an unknown target model, say) is not a bad line
                sink.accept(r);
                read++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return read;
    }

    static boolean startsAsJson(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            boolean bom = i < 3 && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF);
            if (!bom && !Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Another tool's export, record by record: a record that is not a request is a bad line, as in our logs. */
    private long readRows(InputStream in, boolean json, Consumer<LoggedRequest> sink) {
        long[] read = {0};
        LogRows.Handler handler = new LogRows.Handler() {
            @Override
            public void row(LogRows.Row row) {
                lines = row.line();
                List<LoggedRequest> requests;
                try {
                    requests = switch (format) {
                        case LITELLM -> List.of(LiteLlmSpendLog.request(row));
                        case OPENROUTER -> List.of(OpenRouterActivity.request(row));
                        case OPENAI_USAGE -> buckets.requests(row);
                        default -> throw new IllegalStateException(format.name());
                    };
                } catch (IllegalArgumentException e) {
                    LogReader.this.bad(e.getMessage());
                    return;
                }
                for (LoggedRequest r : requests) {
                    sink.accept(r);
                    read[0]++;
                }
            }

            @Override
            public void bad(long line, String reason) {
                lines = line;
                LogReader.this.bad(reason);
            }
        };
        try {
            if (json) {
                JsonRows.read(in, handler, file, switch (format) {
                    case LITELLM -> LiteLlmSpendLog.FIELDS;
                    case OPENROUTER -> OpenRouterActivity.FIELDS;
                    case OPENAI_USAGE -> OpenAiUsageBuckets.FIELDS;
                    default -> throw new IllegalStateException(format.name());
                }, format == LogFormat.LITELLM ? LiteLlmSpendLog.READ_IN_PLACE : Map.of(), linesBefore);
            } else {
                LogRows.csv(new LogLines(in, linesBefore, fileStart), handler, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return read[0];
    }

    /**
     * The rows of a LiteLLM spend-log table, handed in one at a time by {@code table} (which reads the database):
     * each is a request, its line the row's number in the order given. A bad row is reported as a bad line is.
     */
    public long readTable(SpendLogTable table, Consumer<LoggedRequest> sink) {
        format = LogFormat.LITELLM;
        long[] read = {0};
        long[] row = {0};
        table.forEachRow(columns -> {
            lines = ++row[0];
            LoggedRequest r;
            try {
                r = LiteLlmSpendLog.request(new LogRows.MapRow(lines, columns));
            } catch (IllegalArgumentException e) {
                bad(e.getMessage());
                return;
            }
            sink.accept(r);
            read[0]++;
        });
        return read[0];
    }

    private void bad(String reason) {
        if (strict) {
            throw new BadLineException(file, lines, reason);
        }
        skipped++;
        if (problems.size() < REPORTED_PROBLEMS) {
            problems.add("line " + lines + ": " + reason);
        }
    }

    public long skipped() {
        return skipped;
    }

    /** The first bad lines with their reasons. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many requests had no measured usage, so their tokens were counted from the text. */
    public long counted() {
        return counted;
    }

    /** Of those, how many were counted with an estimate (the recording model's tokenizer is not public). */
    public long estimated() {
        return estimated;
    }

    /** Of those, how many had no response in the log, so their output tokens are unknown and counted as 0. */
    public long withoutResponse() {
        return withoutResponse;
    }

    private static final List<String> COLUMNS = List.of("model", "input_tokens", "output_tokens", "cached_input_tokens", "timestamp");

    private String[] header(String line) {
        String[] h = line.split(",", -1);
        for (int i = 0; i < h.length; i++) {
            h[i] = h[i].trim().toLowerCase(java.util.Locale.ROOT);
        }
        List<String> names = List.of(h);
        if (!names.contains("input_tokens") || !names.contains("output_tokens")) {
            throw new BadLineException(file, lines, "the CSV header must name input_tokens and output_tokens (columns: " + String.join(", ", COLUMNS) + ")");
        }
        return h;
    }

    private LoggedRequest csvRecord(String[] header, String line) {
        List<String> fields = io.modelatlas.text.Csv.split(line);
        if (fields.size() != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " columns, got " + fields.size());
        }
        String model = null;
        Long in = null;
        Long out = null;
        long cached = 0;
        Instant ts = null;
        for (int i = 0; i < header.length; i++) {
            String v = fields.get(i).trim();
            switch (header[i]) {
                case "model" -> model = v.isEmpty() ? null : v;
                case "input_tokens" -> in = number("input_tokens", v);
                case "output_tokens" -> out = number("output_tokens", v);
                case "cached_input_tokens" -> cached = v.isEmpty() ? 0 : number("cached_input_tokens", v);
                case "timestamp" -> ts = v.isEmpty() ? null : time(v);
                default -> { }
            }
        }
        return new LoggedRequest(model, in, cached, out, ts, true);
    }

    private LoggedRequest jsonRecord(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Instant ts = n.has("timestamp") ? time(n.get("timestamp")) : n.has("created") ? time(n.get("created")) : null;
        if (n.has("input_tokens")) {
            return new LoggedRequest(text(n, "model"), number(n, "input_tokens"), n.has("cached_input_tokens") ? number(n, "cached_input_tokens") : 0,
                    number(n, "output_tokens"), ts, true);
        }
        JsonNode request = n.has("request") ? n.get("request") : n;
        JsonNode response = n.has("response") ? n.get("response") : null;
        if (!request.has("messages")) {
            throw new IllegalArgumentException("neither a usage record (input_tokens) nor a chat request (messages)");
        }
        String model = text(request, "model");
        JsonNode usage = response != null && response.has("usage") ? response.get("usage") : n.get("usage");
        if (usage != null && usage.has("prompt_tokens")) {
            long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
            return new LoggedRequest(model, number(usage, "prompt_tokens"), cached, number(usage, "completion_tokens"), ts, true);
        }
        counted++;
        TokenCounter counter = tokenizerOfModel.apply(model);
        if (!counter.exact()) {
            estimated++;
        }
        if (response == null) {
            withoutResponse++;
        }
        ChatTokenCounter chat = new ChatTokenCounter(counter, model == null ? "" : model);
        List<Map<String, Object>> messages = JSON.convertValue(request.get("messages"), new TypeReference<List<Map<String, Object>>>() { });
        List<Map<String, Object>> tools = request.has("tools") ? JSON.convertValue(request.get("tools"), new TypeReference<List<Map<String, Object>>>() { }) : null;
        List<Map<String, Object>> functions = request.has("functions") ? JSON.convertValue(request.get("functions"), new TypeReference<List<Map<String, Object>>>() { }) : null;
        long in = chat.promptTokens(messages, tools, functions, request.has("function_call") ? JSON.convertValue(request.get("function_call"), Object.class) : null);
        long out = 0;
        if (response != null) {
            for (JsonNode choice : response.path("choices")) {
                out += chat.completionTokens(choice.path("message").path("content").asText(""));
            }
        }
        return new LoggedRequest(model, in, 0, out, ts, false);
    }

    /**
     * The common shape of large logs, a flat usage record, read with the streaming parser: no tree per line. Nested
     * values are skipped; the same checks as {@link #jsonRecord} apply.
     */
    private static LoggedRequest usageRecord(String line) throws IOException {
        String model = null;
        Long in = null;
        Long out = null;
        long cached = 0;
        Instant ts = null;
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "model" -> model = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "input_tokens" -> in = whole(p, value, field);
                    case "output_tokens" -> out = whole(p, value, field);
                    case "cached_input_tokens" -> cached = whole(p, value, field);
                    case "timestamp", "created" -> ts = value == JsonToken.VALUE_NUMBER_INT ? epochSeconds(p.getLongValue())
                            : value == JsonToken.VALUE_NULL ? null : time(p.getText());
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("expected one JSON object per line");
            }
        }
        if (in == null || out == null) {
            throw new IllegalArgumentException((in == null ? "input_tokens" : "output_tokens") + " must be a non-negative whole number, got nothing");
        }
        return new LoggedRequest(model, in, cached, out, ts, true);
    }

    private static long whole(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative whole number, got " + p.getText());
        }
        return p.getLongValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative whole number, got " + (v == null ? "nothing" : v.toString()));
        }
        return v.asLong();
    }

    private static long number(String field, String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new IllegalArgumentException(field + " cannot be negative, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, got '" + v + "'");
        }
    }

    private static Instant time(JsonNode v) {
        return v.isNull() ? null : v.isNumber() ? epochSeconds(v.asLong()) : time(v.asText());
    }

    private static Instant time(String v) {
        try {
            return !v.isEmpty() && v.chars().allMatch(Character::isDigit) ? epochSeconds(Long.parseLong(v)) : Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("timestamp must be ISO-8601 (2026-05-01T12:00:00Z) or epoch seconds, got '" + v + "'");
        }
    }

    /** Past this, a number is not epoch seconds (it would be after the year 5000) but most likely milliseconds. */
    static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    static Instant epochSeconds(long seconds) {
        if (seconds < 0 || seconds >= MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException("timestamp " + seconds + " is out of range for epoch seconds (epoch milliseconds are not accepted)");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
