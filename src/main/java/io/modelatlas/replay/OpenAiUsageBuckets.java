package io.modelatlas.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket of OpenAI's Usage API completions export ({@code {"object":"bucket","start_time":..,"results":[..]}}) as
 * one summed row per result: {@code input_tokens} (cached included), {@code input_cached_tokens},
 * {@code output_tokens}, for {@code num_model_requests} requests of {@code model}, at the bucket's start. The API
 * keeps sums only: one request's size, and so its long-context tier and the per-request percentiles, are unknown.
 * Results of the Batch API ({@code "batch": true}) are counted, so the report can say they were priced at standard
 * rates.
 */
final class OpenAiUsageBuckets {
    private long batchRequests;

    /** How many of the requests read so far went through the Batch API. */
    long batchRequests() {
        return batchRequests;
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
            out.add(new LoggedRequest(model, input, cached, output, start, true, requests, null, null));
            if (r.path("batch").asBoolean(false)) {
                batch += requests;
            }
        }
        // counted once the whole bucket is read: a bad result skips the bucket, and its batch requests with it
        batchRequests += batch;
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
