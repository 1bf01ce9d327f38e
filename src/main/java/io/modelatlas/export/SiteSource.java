package io.modelatlas.export;

import java.util.Optional;

/**
 * Where an export reads the site from: what the server answers with a 200 for a GET of a path (raw, no query), or
 * empty when it answers anything else. Called from several threads at once.
 */
@FunctionalInterface
public interface SiteSource {
    Optional<Resource> get(String path);

    /** A page or file as served: its Content-Type and bytes. */
    record Resource(String contentType, byte[] body) {
        public Resource {
            if (contentType == null || body == null) {
                throw new IllegalArgumentException("a resource needs a content type and a body");
            }
        }

        boolean isHtml() {
            return contentType.startsWith("text/html");
        }

        /** Kinds whose text can link to other parts of the site. */
        boolean mayLink() {
            return isHtml() || contentType.contains("xml") || contentType.startsWith("text/css") || contentType.contains("javascript");
        }
    }
}
