package io.modelatlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run the server's class-data archive is made of: a real server process on a new store that answers every
 * warm-up page as it should, then exits by itself, its store closed; it is what makes the build's archive.
 */
class ServeWarmUpTest {

    @Test
    void the_warm_up_serve_answers_its_pages_then_exits_with_its_store_closed(@TempDir Path home) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + Relaunch.WARM_UP + "=true", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MODELATLAS_HOME", home.toString());
        pb.environment().remove("MODELATLAS_DB_URL");
        Path log = home.resolve("log.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("it exits by itself").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("ModelAtlas serving").doesNotContain("warm-up:");
        assertThat(home.resolve("modelatlas.db")).as("a first start's store").isRegularFile();
        assertThat(home.resolve("modelatlas.db-wal")).as("closed cleanly").doesNotExist();
    }
}
