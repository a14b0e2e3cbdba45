package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pifpaf run -f stack.yaml}: several daemons, in parallel, in command and eval mode. */
class StackFilesIT {

    private static final String STACK = """
            daemons:
              storage: { driver: memcached }
              index:   { driver: postgresql, options: { sync: false } }
              cache:
                driver: redis
                prefix: SESSIONS
                options: { password: "pw-${index.PGPORT}" }
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void binaries() {
        Binaries.require("memcached", "memcached");
        Binaries.require("redis-server", "redis-server");
        Binaries.require("postgres", "postgresql");
        Binaries.require("psql", "postgresql-client");
    }

    private Path file(String text) throws Exception {
        Path file = dir.resolve("pifpaf.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void commandModeSeesEveryDaemonUnderItsPrefix() throws Exception {
        Path stack = file(STACK);
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "-f", stack.toString(), "--",
                    "bash", "-c", "redis-cli --no-auth-warning -p \"$SESSIONS_REDIS_PORT\" -a \"pw-$INDEX_POSTGRESQL_PORT\" ping;"
                            + " psql -Atc 'select 2'; echo \"$STORAGE_URL|$PIFPAF_URLS\""), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            String[] lines = result.stdout().split("\n");
            assertEquals("PONG", lines[0]);
            assertEquals("2", lines[1]);
            String[] urls = lines[2].split("\\|");
            assertTrue(urls[0].matches("memcached://localhost:\\d+"), urls[0]);
            assertEquals(3, urls[1].split(";").length, urls[1]);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void evalModeStartsTheStackAndPifpafStopStopsIt() throws Exception {
        Path stack = file(STACK);
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                    "eval \"$(pifpaf run -f \"$0\")\" || exit 9; redis-cli --no-auth-warning -p \"$SESSIONS_REDIS_PORT\""
                            + " -a \"pw-$INDEX_POSTGRESQL_PORT\" ping; pifpaf_stop; echo \"after=${SESSIONS_URL-unset}\"",
                    stack.toString()), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertEquals("PONG\nafter=unset\n", result.stdout());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aMistakeNamesTheFileTheLineAndTheKey() throws Exception {
        Path stack = file("daemons:\n  a: { driver: redis }\n  b: { driver: redis, options: { port: many } }\n");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "-f", stack.toString(), "--", "true"),
                    tmp.env());
            assertEquals(2, result.exit(), result.toString());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().contains(stack + ":3: daemons.b.options.port: "), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aDaemonThatFailsStopsTheOthers() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp();
             var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path stack = file("daemons:\n  fine: { driver: memcached }\n  broken: { driver: redis, options: { port: "
                    + taken.getLocalPort() + " } }\n");
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "-f", stack.toString(), "--", "true"),
                    Map.of("TMPDIR", tmp.path().toString()));
            assertEquals(4, result.exit(), result.toString());
            assertTrue(result.stderr().contains("broken: redis: port " + taken.getLocalPort()), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    /** {@code driver: redis@6.2}: a version not installed (Debian has 7) is fetched, and runs beside the installed one. */
    @Test
    void aVersionedDriverStartsAProvisionedDaemonBesideTheInstalledOne() throws Exception {
        Path stack = file("daemons:\n  old: { driver: redis@6.2 }\n  current: { driver: redis }\n");
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "-f", stack.toString(), "--",
                    "bash", "-c", "for port in $OLD_REDIS_PORT $CURRENT_REDIS_PORT; do"
                            + " redis-cli -p $port info server | grep -o 'redis_version:[0-9]*\\.[0-9]*'; done"),
                    provision.env(tmp));
            assertEquals(0, result.exit(), result.toString());
            String[] versions = result.stdout().strip().split("\n");
            assertEquals("redis_version:6.2", versions[0], result.toString());
            assertTrue(!versions[1].equals(versions[0]) && versions.length == 2, result.toString());
            assertEquals(1, provision.repository().downloads("embedded-redis-1.4.4.jar"), "fetched");
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
