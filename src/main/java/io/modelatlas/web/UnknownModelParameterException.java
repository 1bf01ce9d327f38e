package io.modelatlas.web;

import io.modelatlas.catalog.UnknownModelException;
import java.util.List;

/** Thrown when a path or query parameter names no model; a 404 that names the parameter and carries the suggestions. */
final class UnknownModelParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final List<String> suggestions;

    UnknownModelParameterException(String parameter, UnknownModelException cause) {
        super(cause.getMessage(), cause, false, false); // no stack trace: an everyday answer, not a failure
        this.parameter = parameter;
        this.suggestions = cause.suggestions();
    }

    String parameter() {
        return parameter;
    }

    List<String> suggestions() {
        return suggestions;
    }
}
