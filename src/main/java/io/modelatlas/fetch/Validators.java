package io.modelatlas.fetch;

/**
 * What an upstream said identifies the copy we hold ({@code ETag}, {@code Last-Modified}); sent back as
 * {@code If-None-Match} and {@code If-Modified-Since} so that an unchanged file costs a 304 and no body. Either may be null.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
