package io.modelatlas.store;

import io.modelatlas.StoreException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    /** Store skips Flyway when a database is at SCHEMA_VERSION; a new migration without a new constant would never run. */
    @Test
    void the_schema_version_is_the_newest_migration_of_each_dialect() throws Exception {
        for (String dialect : new String[] {"sqlite", "postgresql"}) {
            Path dir = Path.of(getClass().getResource("/db/migration/" + dialect).toURI());
            try (var files = Files.list(dir)) {
                int newest = files.map(f -> VERSION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                        .map(m -> Integer.parseInt(m.group(1))).max(Comparator.naturalOrder()).orElseThrow();
                assertThat(String.valueOf(newest)).as(dialect).isEqualTo(Store.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void a_store_whose_last_migration_failed_is_not_taken_as_current() throws Exception {
        String url = TestDatabases.newDatabase("sqlite");
        Store.open(url).close();
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET success = 0");
        }
        assertThatThrownBy(() -> Store.open(url)).isInstanceOf(StoreException.class).hasMessageContaining("failed migration");
    }
}
