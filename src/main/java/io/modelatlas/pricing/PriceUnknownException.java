package io.modelatlas.pricing;

/** Thrown when a cost needs a price the catalog does not know; such a cost is never shown as $0. */
public class PriceUnknownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PriceUnknownException(String message) {
        super(message);
    }
}
