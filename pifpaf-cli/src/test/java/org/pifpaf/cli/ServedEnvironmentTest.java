package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.cli.server.Request;
import org.pifpaf.runtime.Environment;

/** Which clients the server serves as their own JVM would, and which it sends to the JVM. */
class ServedEnvironmentTest {

    private static final Map<String, String> SERVER = Map.of("PATH", "/usr/bin:/bin", "PIFPAF_JAVA_OPTS", "-Xmx1g");
    private static final ServedEnvironment SERVED = new ServedEnvironment(Environment.of(SERVER), Optional.of("0022"),
            Optional.of("1000\t1000\t1000\t1000"));

    @TempDir
    Path cwd;

    private Optional<String> refusal(Map<String, String> changes) {
        return refusal(changes, "0022", "1000\t1000\t1000\t1000");
    }

    private Optional<String> refusal(Map<String, String> changes, String umask, String uid) {
        Map<String, String> variables = new HashMap<>(SERVER);
        variables.putAll(changes);
        variables.values().removeIf(String::isEmpty);
        Request request = new Request("c.1.2", 1, cwd, false, false, List.of(), Environment.of(variables));
        return SERVED.refusal(request, Optional.of(umask), Optional.of(uid));
    }

    @Test
    void aClientLikeTheServerIsServed() {
        assertEquals(Optional.empty(), refusal(Map.of()));
        // What each start takes from the client's own environment may differ.
        assertEquals(Optional.empty(), refusal(Map.of("PATH", "/opt/redis/bin:/usr/bin", "TMPDIR", "/var/tmp",
                "HOME", "/home/other", "PIFPAF_RUN_AS", "daemon", "KAFKA_HOME", "/opt/kafka")));
    }

    @Test
    void whatTheServersProcessHoldsMustBeTheSame() {
        assertTrue(refusal(Map.of("PIFPAF_JAVA_OPTS", "")).isPresent());
        assertTrue(refusal(Map.of("PIFPAF_DRIVERS_PATH", "/opt/drivers")).isPresent());
        assertTrue(refusal(Map.of("ES_JAVA_HOME", "/opt/java")).isPresent());
        assertTrue(refusal(Map.of(), "0002", "1000\t1000\t1000\t1000").isPresent());
        assertTrue(refusal(Map.of(), "0022", "0\t0\t0\t0").isPresent());
    }

    @Test
    void relativePathsAreTheJvmsToRead() {
        assertTrue(refusal(Map.of("TMPDIR", "tmp")).isPresent());
        assertTrue(refusal(Map.of("KAFKA_HOME", "kafka")).isPresent());
        assertTrue(refusal(Map.of("PATH", "bin:/usr/bin")).isPresent());
        assertTrue(refusal(Map.of("PATH", "/usr/bin::/bin")).isPresent(), "an empty entry is the working directory");
    }

    @Test
    void driverOptionsThatMayBeRelativePaths() throws Exception {
        Files.writeString(cwd.resolve("cert.pem"), "");
        assertTrue(ServedEnvironment.mayBeRelativePath("certs/cert.pem", cwd));
        assertTrue(ServedEnvironment.mayBeRelativePath("./x", cwd));
        assertTrue(ServedEnvironment.mayBeRelativePath("cert.pem", cwd));
        assertFalse(ServedEnvironment.mayBeRelativePath("/etc/cert.pem", cwd));
        assertFalse(ServedEnvironment.mayBeRelativePath("postgresql://localhost/db", cwd));
        assertFalse(ServedEnvironment.mayBeRelativePath("s3cret", cwd));
        assertFalse(ServedEnvironment.mayBeRelativePath("", cwd));
    }
}
