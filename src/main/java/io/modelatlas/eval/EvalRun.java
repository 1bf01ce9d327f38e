package io.modelatlas.eval;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A suite run on some targets: everything needed to resume it is stored with it (the cases as they were when the run
 * started, the targets without their keys, the settings).
 *
 * @param judge the target that grades judge assertions, or null when the suite has none
 */
public record EvalRun(String id, Instant createdAt, String suiteName, String suiteFile, String suiteSha256, List<Target> targets,
                      Target judge, List<EvalCase> cases, RunSettings settings, RunStatus status, String message) {
    public EvalRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        targets = List.copyOf(targets);
        cases = List.copyOf(cases);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one --target");
        }
        Set<String> names = new HashSet<>();
        for (Target t : targets) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two targets are named '" + t.name() + "'; target names must differ");
            }
        }
        Set<String> ids = new HashSet<>();
        for (EvalCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("two cases have the id '" + c.id() + "'");
            }
        }
        if (settings.baseline() != null && !names.contains(settings.baseline())) {
            throw new IllegalArgumentException("--baseline " + settings.baseline() + " is not one of the targets " + names);
        }
        if (judge == null && cases.stream().anyMatch(EvalCase::needsJudge)) {
            throw new IllegalArgumentException("the suite has judge assertions: name the grading model with --judge name=MODEL@BASE_URL[,key-env=VAR]");
        }
    }

    public Target baseline() {
        return settings.baseline() == null ? targets.get(0) : target(settings.baseline()).orElseThrow();
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
