package io.modelatlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.admin.AuditEntry;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/admin/audit}: the newest changes first; before and after as JSON where a value changed. */
public record AuditJson(List<Entry> entries) {

    public record Entry(long id, Instant at, String actor, String action, String target, Object before, Object after) {}

    public static AuditJson of(List<AuditEntry> entries) {
        return new AuditJson(entries.stream().map(a -> new Entry(a.id(), a.at(), a.actor(), a.action(), a.target(),
                value(a.oldValue()), value(a.newValue()))).toList());
    }

    /** Stored JSON is returned as JSON; a plain summary line as text. */
    private static Object value(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            JsonNode n = Json.mapper().readTree(stored);
            return n.isContainerNode() ? n : stored;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return stored;
        }
    }
}
