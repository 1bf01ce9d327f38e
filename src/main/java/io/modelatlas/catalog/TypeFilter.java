package io.modelatlas.catalog;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which model types a list prices: chat by default, since a token cost of an embedding, image, audio, rerank or
 * moderation model answers no question a chat request asks; {@code any} for every type, or one named type.
 *
 * @param type the one type listed, or null for any
 */
public record TypeFilter(ModelType type) implements Predicate<Model> {

    public static final TypeFilter CHAT = new TypeFilter(ModelType.CHAT);
    public static final TypeFilter ANY = new TypeFilter(null);

    /** {@code chat} (also when absent), {@code any}, or a type's name as in the directory ({@code completion}). */
    public static TypeFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return CHAT;
        }
        if (text.trim().toLowerCase(Locale.ROOT).equals("any")) {
            return ANY;
        }
        try {
            return new TypeFilter(ModelQuery.parseEnum(ModelType.class, text, "type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("type must be one of ", "type must be any or one of "), e);
        }
    }

    @Override
    public boolean test(Model m) {
        return type == null || m.type() == type;
    }

    /** {@code chat}, {@code any}: as written in a query string or on the command line. */
    public String jsonName() {
        return type == null ? "any" : type.jsonName();
    }
}
