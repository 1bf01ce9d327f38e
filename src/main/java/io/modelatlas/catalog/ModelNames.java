package io.modelatlas.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What the catalog finds a model by: its id, display name, creator, aliases and its offerings' {@code provider/id}s.
 * A snapshot keeps them beside each model so that a catalog can index every model and read only the ones asked for.
 */
public record ModelNames(String id, String displayName, String creatorId, List<String> aliases, List<String> qualifiedIds) {
    public ModelNames {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(creatorId, "creatorId");
        aliases = List.copyOf(aliases);
        qualifiedIds = List.copyOf(qualifiedIds);
    }

    public static ModelNames of(Model m) {
        return new ModelNames(m.id(), m.displayName(), m.creatorId(), m.aliases(), m.offerings().stream().map(Offering::qualifiedId).toList());
    }
}
