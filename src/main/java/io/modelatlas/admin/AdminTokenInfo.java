package io.modelatlas.admin;

import java.time.Instant;

/** An admin token as listed: never the token itself, which only its creator saw once. */
public record AdminTokenInfo(String name, Instant createdAt, Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
