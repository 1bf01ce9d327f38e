package io.modelatlas.admin;

import java.time.Instant;

/** One change made through the admin API or CLI: who, when, what, the value before and after (JSON text or null). */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String oldValue, String newValue) {}
