package io.modelatlas.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cases of a suite file, with the file's SHA-256 (of the suite and any JSONL file it reads) so that a resumed run
 * can tell whether the file changed since.
 */
public record Suite(String name, String file, String sha256, List<EvalCase> cases) {
    public Suite {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(file + ": the suite has no cases");
        }
        Set<String> ids = new HashSet<>();
        for (EvalCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException(file + ": two cases have the id '" + c.id() + "'");
            }
        }
    }
}
