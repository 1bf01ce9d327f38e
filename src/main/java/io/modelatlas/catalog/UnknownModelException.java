package io.modelatlas.catalog;

import io.modelatlas.text.Clip;
import java.util.List;

/** Thrown when an id, {@code provider/id} or display name matches no model; carries the closest ids. */
public class UnknownModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String query;
    private final List<String> suggestions;

    public UnknownModelException(String query, List<String> suggestions) {
        // the query is quoted cut short: it may be as long as a URL, and the message goes back to the client
        super("unknown model '" + Clip.clip(query, 80) + "'" + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.query = query;
        this.suggestions = List.copyOf(suggestions);
    }

    public String query() {
        return query;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
