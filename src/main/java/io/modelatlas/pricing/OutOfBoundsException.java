package io.modelatlas.pricing;

/**
 * Thrown when a number entering the catalog is outside the range {@link ValueBounds} allows for its kind. The message
 * says which kind, the range and the value; readers add the file and key, the admin API the field.
 */
public class OutOfBoundsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutOfBoundsException(String message) {
        super(message);
    }
}
