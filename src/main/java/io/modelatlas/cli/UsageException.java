package io.modelatlas.cli;

/** Thrown when a command's arguments are wrong in a way picocli cannot see; exit code 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
