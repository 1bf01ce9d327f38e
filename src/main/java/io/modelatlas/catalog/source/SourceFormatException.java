package io.modelatlas.catalog.source;

/**
 * Thrown when a source file cannot be used: malformed, truncated, or a value of the wrong type or range. The
 * message names the file, the place in it (JSON path, TOML key or CSV line) and what is wrong.
 */
public class SourceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String location;

    public SourceFormatException(String file, String location, String problem) {
        super(file + (location == null || location.isEmpty() ? "" : " at " + location) + ": " + problem);
        this.file = file;
        this.location = location;
    }

    public SourceFormatException(String file, String location, String problem, Throwable cause) {
        this(file, location, problem);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    public String location() {
        return location;
    }
}
