package io.modelatlas.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer tokens for the admin API. A token is 256 random bits shown once to its creator; the store keeps only its
 * SHA-256, which is enough for a secret of that strength (a slow password hash protects guessable secrets, and
 * nobody guesses 256 random bits).
 */
public final class AdminTokens {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PREFIX = "ma_";
    private final AdminTokenStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AdminTokens(AdminTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a token and returns it; it cannot be shown again.
     *
     * @throws IllegalArgumentException when the name is not a plain name or is taken (even by a revoked token, so the
     *                                  audit log's names stay unambiguous)
     */
    public String create(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got '" + name + "'");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.write(w -> {
            if (w.tokenExists(name)) {
                throw new IllegalArgumentException("a token named '" + name + "' already exists; names are never reused");
            }
            w.addToken(name, hash(token), clock.instant());
            w.audit(clock.instant(), "cli", "create-token", "tokens/" + name, null, null);
            return null;
        });
        return token;
    }

    /** @throws IllegalArgumentException when no active token has this name */
    public void revoke(String name) {
        store.write(w -> {
            if (!w.revokeToken(name, clock.instant())) {
                throw new IllegalArgumentException("no active token is named '" + name + "'");
            }
            w.audit(clock.instant(), "cli", "revoke-token", "tokens/" + name, null, null);
            return null;
        });
    }

    public List<AdminTokenInfo> list() {
        return store.tokens();
    }

    /** The name of the active token presented, if it is one. */
    public Optional<String> verify(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return store.tokenName(hash(presented));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
