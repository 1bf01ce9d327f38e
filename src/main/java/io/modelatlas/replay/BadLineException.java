package io.modelatlas.replay;

/** Thrown in strict mode when a log line cannot be read; names the file and line. */
public class BadLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadLineException(String file, long line, String reason) {
        super(file + " line " + line + ": " + reason);
    }
}
