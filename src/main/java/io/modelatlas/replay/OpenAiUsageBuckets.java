package io.modelatlas.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bucket of OpenAI's Usage API completions export ({@code {"object":"bucket","start_time":..,"results":[..]}}) as
 * one summed row per result: {@code input_tokens} (cached included), {@code input_cached_tokens},
 * {@code output_tokens}, for {@code num_model_requests} requests of {@code model}, at the bucket's start. The API
 * keeps sums only: one request's size, and so its long-context tier and the per-request percentiles, are unknown.
 * Results of the Batch API ({@code "batch": true}) are marked {@link LoggedRequest#batch}, to be priced at the batch
 * tier, and counted with the buckets they came in, so the report can say which were.
 */
final class OpenAiUsageBuckets {
    /** How many buckets with batch results the report names, at most. */
    static final int LISTED_BATCH_BUCKETS = 10;

    /** The fields of a bucket {@link #requests} reads: its other fields are skipped unread. */
    static final Set<String> FIELDS = Set.of("start_time", "results");

    private long batchRequests;
    private long batchBuckets;
    private final List<String> listedBatchBuckets = new ArrayList<>();

    /** How many of the requests read so far went through the Batch API. */
    long batchRequests() {
        return batchRequests;
    }

    /** How many buckets held batch results. */
    long batchBuckets() {
        return batchBuckets;
    }

    /** The first {@link #LISTED_BATCH_BUCKETS} of them: "line 2 (2026-05-01T00:00:00Z: 20 requests of gpt-4.1-mini)". */
    List<String> listedBatchBuckets() {
        return List.copyOf(listedBatchBuckets);
    }

    /** Adds the counts of the part of the same export that follows this one's, its buckets listed after these. */
    void merge(OpenAiUsageBuckets later) {
        batchRequests += later.batchRequests;
        batchBuckets += later.batchBuckets;
        for (String bucket : later.listedBatchBuckets) {
            if (listedBatchBuckets.size() < LISTED_BATCH_BUCKETS) {
                listedBatchBuckets.add(bucket);
            }
        }
    }

    /** The bucket's rows; a result with no requests (an empty group) gives none. */
    List<LoggedRequest> requests(LogRows.Row bucket) {
        JsonNode results = bucket.json("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("expected a usage bucket with a results list (an OpenAI Usage API completions page)");
        }
        Instant start = RowValues.time(bucket, "start_time");
        List<LoggedRequest> out = new ArrayList<>(results.size());
        long batch = 0;
        List<String> what = new ArrayList<>();
        int i = 0;
        for (JsonNode r : results) {
            i++;
            String where = "results[" + (i - 1) + "].";
            long requests = whole(r, where, "num_model_requests");
            long input = whole(r, where, "input_tokens");
            long cached = whole(r, where, "input_cached_tokens");
            long output = whole(r, where, "output_tokens");
            if (requests == 0) {
                if (input + output > 0) {
                    throw new IllegalArgumentException(where + "num_model_requests is 0 but the result has tokens");
                }
                continue;
            }
            String model = r.path("model").isTextual() ? r.get("model").asText() : null;
            boolean viaBatch = r.path("batch").asBoolean(false);
            out.add(new LoggedRequest(model, input, cached, output, start, true, requests, null, null, viaBatch));
            if (viaBatch) {
                batch += requests;
                what.add(requests + " requests of " + (model == null ? "an unnamed model" : model));
            }
        }
        // counted once the whole bucket is read: a bad result skips the bucket, and its batch requests with it
        if (batch > 0) {
            batchRequests += batch;
            batchBuckets++;
            if (listedBatchBuckets.size() < LISTED_BATCH_BUCKETS) {
                listedBatchBuckets.add("line " + bucket.line() + " (" + (start == null ? "no start_time" : start) + ": " + String.join(", ", what) + ")");
            }
        }
        return out;
    }

    private static long whole(JsonNode r, String where, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
            throw new IllegalArgumentException(where + field + " must be a non-negative whole number, got " + v);
        }
        return v.asLong();
    }
}
