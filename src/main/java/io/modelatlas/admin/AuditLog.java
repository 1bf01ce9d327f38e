package io.modelatlas.admin;

import java.util.List;

/** The audit log of changes made through the admin API and CLI, as its readers see it; the store implements it. */
@FunctionalInterface
public interface AuditLog {
    /** The newest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);
}
