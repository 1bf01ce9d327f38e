package io.modelatlas.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The two real databases store tests run against: a SQLite file in a fresh temp folder, and a fresh database on one
 * embedded PostgreSQL server (zonky, binaries from Maven Central) started once per test JVM.
 */
public final class TestDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** For {@code @MethodSource}: the names of both kinds. */
    public static Stream<String> kinds() {
        return Stream.of("sqlite", "postgresql");
    }

    /** A JDBC URL of a new, empty database of the given kind. */
    public static String newDatabase(String kind) {
        return switch (kind) {
            case "sqlite" -> sqlite();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String sqlite() {
        try {
            Path dir = Files.createTempDirectory("modelatlas-store");
            dir.toFile().deleteOnExit();
            return "jdbc:sqlite:" + dir.resolve("test.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    private static String postgres() {
        String name = "modelatlas_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
