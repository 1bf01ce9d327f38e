package io.modelatlas.refresh;

import io.modelatlas.catalog.source.LeaderboardUpstream;
import io.modelatlas.catalog.source.SourceFormatException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A test-only upstream of the Aider leaderboard whose files already are its tidy table, cut in two: {@code part-1.csv}
 * (the header and the first rows) and {@code part-2.csv} (the other rows). Reading them joins the two and records the
 * ref in {@code source_commit} in place of the pinned commit, as a real reader records the ref it read at.
 */
final class TidyCsvUpstream implements LeaderboardUpstream {
    static final String PART_1 = "part-1.csv";
    static final String PART_2 = "part-2.csv";
    /** The commit the bundled (and mini) Aider table was made at. */
    static final String PINNED = "5dc9490bb35f9729ef2c95d00a19ccd30c26339c";
    private static final String HEADER = "model_name_as_published,";

    @Override
    public String source() {
        return "aider-polyglot";
    }

    @Override
    public String repo() {
        return "Aider-AI/aider";
    }

    @Override
    public List<String> paths() {
        return List.of(PART_1, PART_2);
    }

    @Override
    public byte[] tidy(Map<String, byte[]> files, String ref, LocalDate observed) {
        String first = new String(files.get(PART_1), StandardCharsets.UTF_8);
        if (!first.startsWith(HEADER)) {
            throw new SourceFormatException(PART_1, "line 1", "expected the header " + HEADER + "...");
        }
        String table = first + new String(files.get(PART_2), StandardCharsets.UTF_8);
        return table.replace(PINNED, ref).getBytes(StandardCharsets.UTF_8);
    }

    /** A table cut into the two upstream files: the header and {@code firstRows} rows, then the rest. */
    static byte[][] split(String table, int firstRows) {
        String[] lines = table.split("\n", -1);
        StringBuilder one = new StringBuilder();
        StringBuilder two = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            (i <= firstRows ? one : two).append(lines[i]).append('\n');
        }
        return new byte[][] {one.toString().getBytes(StandardCharsets.UTF_8), two.toString().getBytes(StandardCharsets.UTF_8)};
    }
}
