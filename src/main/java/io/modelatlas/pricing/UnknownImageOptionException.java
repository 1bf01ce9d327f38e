package io.modelatlas.pricing;

import java.util.List;

/**
 * Thrown when an image request names a quality or size the offering does not price, or leaves one out that the price
 * depends on. Carries which {@code dimension} ("quality" or "size") and the values the offering knows, so each edge can
 * name its own option ({@code --image-quality}, {@code image_quality}) and list them.
 */
public class UnknownImageOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String dimension;
    private final transient List<String> known;

    public UnknownImageOptionException(String dimension, String message, List<String> known) {
        super(message);
        this.dimension = dimension;
        this.known = List.copyOf(known);
    }

    /** "quality" or "size". */
    public String dimension() {
        return dimension;
    }

    /** The offering's priced values of that dimension; empty when its price does not depend on it. */
    public List<String> known() {
        return known;
    }
}
