package io.modelatlas.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where admin tokens are kept (only their SHA-256), as {@link AdminTokens} needs it; the store implements it. A
 * failing store throws {@link io.modelatlas.StoreException}.
 */
public interface AdminTokenStore {
    /** The name of the unrevoked token with this hash. */
    Optional<String> tokenName(String sha256);

    /** Every token, revoked ones too, by name. */
    List<AdminTokenInfo> tokens();

    /** Runs {@code work} in one transaction, behind every other writer; any exception rolls it back. */
    <T> T write(Function<Changes, T> work);

    /** The writes of one transaction, valid only inside {@link #write}. */
    interface Changes {
        boolean tokenExists(String name);

        void addToken(String name, String sha256, Instant at);

        /** Revokes an active token; false when no active token has that name. */
        boolean revokeToken(String name, Instant at);

        void audit(Instant at, String actor, String action, String target, String oldValue, String newValue);
    }
}
