package io.modelatlas.eval;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible endpoint to evaluate: a name for the report, the model id the endpoint expects, its base URL
 * (the part before {@code /chat/completions}) and the name of the environment variable holding its key. The key itself
 * is never part of a target, so a target can be printed, stored and shown.
 *
 * @param priceAs the catalog model to price usage with, when the endpoint's model id is not a catalog id (a local or
 *                fine-tuned model); null prices with {@code model}
 * @param stream  false for endpoints that do not stream: time to first token is then unknown
 */
public record Target(String name, String model, URI baseUrl, String keyEnv, String priceAs, boolean stream) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Target {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("target name must be 1 to 40 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("target " + name + ": the model id is empty");
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("target " + name + ": the base URL must be an http:// or https:// URL with a host");
        }
        if (baseUrl.getRawUserInfo() != null) {
            // never echo it: it may be a credential
            throw new IllegalArgumentException("target " + name + ": the base URL must not carry credentials; put the key in an environment variable and name it with key-env=VAR");
        }
        if (keyEnv != null && !ENV.matcher(keyEnv).matches()) {
            throw new IllegalArgumentException("target " + name + ": key-env must name an environment variable (letters, digits, '_'), got '" + keyEnv + "'");
        }
        String path = baseUrl.toString();
        baseUrl = URI.create(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        priceAs = priceAs == null || priceAs.isBlank() ? null : priceAs.trim();
    }

    /**
     * Parses {@code name=MODEL@BASE_URL[,key-env=VAR][,price-as=CATALOG_ID][,stream=false]}, as given to
     * {@code --target}. The model id may itself contain {@code @}; the base URL starts at the last {@code @http}.
     */
    public static Target parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--target must look like name=MODEL@BASE_URL[,key-env=VAR], got '" + spec + "'");
        }
        String name = spec.substring(0, eq).trim();
        String rest = spec.substring(eq + 1);
        int at = Math.max(rest.lastIndexOf("@http://"), rest.lastIndexOf("@https://"));
        if (at <= 0) {
            throw new IllegalArgumentException("--target " + name + ": expected MODEL@BASE_URL with an http:// or https:// base URL, got '" + rest + "'");
        }
        String model = rest.substring(0, at).trim();
        String[] parts = rest.substring(at + 1).split(",");
        String keyEnv = null;
        String priceAs = null;
        boolean stream = true;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int e = p.indexOf('=');
            String key = e < 0 ? p : p.substring(0, e).trim();
            String value = e < 0 ? "" : p.substring(e + 1).trim();
            switch (key) {
                case "key-env" -> keyEnv = value;
                case "price-as" -> priceAs = value;
                case "stream" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("--target " + name + ": stream must be true or false, got '" + value + "'");
                    }
                    stream = value.equals("true");
                }
                default -> throw new IllegalArgumentException("--target " + name + ": unknown option '" + key + "'; expected key-env, price-as or stream");
            }
        }
        URI url;
        try {
            url = URI.create(parts[0].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target " + name + ": the base URL is not a valid URL");
        }
        return new Target(name, model, url, keyEnv, priceAs, stream);
    }

    /** The catalog id usage is priced with. */
    public String pricedModel() {
        return priceAs == null ? model : priceAs;
    }
}
