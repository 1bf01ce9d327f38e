package io.modelatlas.web;

/** Thrown when a query or path parameter is missing or malformed; mapped to 400 naming the parameter. */
public class BadParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
