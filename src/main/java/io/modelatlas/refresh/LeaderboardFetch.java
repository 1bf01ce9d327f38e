package io.modelatlas.refresh;

import io.modelatlas.catalog.source.LeaderboardUpstream;
import io.modelatlas.fetch.FetchOutcome;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fetch.Validators;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches the upstream files of one leaderboard from its base URL, each with the validators remembered for the table
 * the catalog reads now. The catalog keeps the table, not the files, so when some files changed and others answered
 * 304, those are fetched again in full: a table is always read from every file.
 */
final class LeaderboardFetch {
    /** One upstream file as fetched: the key its validators are remembered under, its URL and validators. */
    record Fetched(String key, URI url, Validators validators) {}

    /** What fetching a leaderboard's files came to. */
    sealed interface Result {}

    /** Every file answered 304: the table in use is current. */
    record NotModified(int files) implements Result {}

    /** A file could not be fetched; {@code detail} names it and says why. Nothing of the leaderboard is used. */
    record Failed(String detail) implements Result {}

    /** Every file's bytes, in the order of the leaderboard's paths, and what to remember of each once recorded. */
    record AllFiles(Map<String, byte[]> bodies, List<Fetched> fetched) implements Result {}

    private LeaderboardFetch() {}

    /** @param currentSha the SHA-256 of the table the catalog reads now: validators are sent only for that table */
    static Result fetch(HttpFetcher fetcher, LeaderboardUpstream board, URI base, FetchMemory memory, String currentSha) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        List<Fetched> fetched = new ArrayList<>();
        List<String> notModified = new ArrayList<>();
        for (String path : board.paths()) {
            URI url = base.resolve(path);
            String key = memoryKey(board.source(), path);
            FetchOutcome got = fetcher.fetch(url, memory.validators(key, url, currentSha));
            if (got instanceof FetchOutcome.Failed f) {
                return new Failed(path + ": " + f.reason());
            }
            if (got instanceof FetchOutcome.Fetched f) {
                bodies.put(path, f.body());
                fetched.add(new Fetched(key, url, f.validators()));
            } else {
                notModified.add(path);
            }
        }
        if (bodies.isEmpty()) {
            return new NotModified(notModified.size());
        }
        for (String path : notModified) {
            URI url = base.resolve(path);
            FetchOutcome got = fetcher.fetch(url, Validators.NONE);
            if (!(got instanceof FetchOutcome.Fetched f)) {
                return new Failed(path + ": " + (got instanceof FetchOutcome.Failed failed ? failed.reason() : "HTTP 304 to a request without validators"));
            }
            bodies.put(path, f.body());
            fetched.add(new Fetched(memoryKey(board.source(), path), url, f.validators()));
        }
        Map<String, byte[]> inOrder = new LinkedHashMap<>();
        board.paths().forEach(p -> inOrder.put(p, bodies.get(p)));
        return new AllFiles(inOrder, fetched);
    }

    /** Validators are remembered per upstream file of a leaderboard. */
    private static String memoryKey(String source, String path) {
        return source + "/" + path;
    }
}
