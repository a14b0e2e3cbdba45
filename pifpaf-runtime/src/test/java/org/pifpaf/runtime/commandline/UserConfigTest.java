package org.pifpaf.runtime.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.cache.TemplateCache;

/** The user configuration file: settings with their lines, mistakes named precisely. */
class UserConfigTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());

    @TempDir
    Path dir;

    private UserConfig load(String text) throws Exception {
        return UserConfig.load(Files.writeString(dir.resolve("config.yaml"), text), REGISTRY, Environment.process());
    }

    private String error(String text) {
        return assertThrows(InvalidRequestException.class, () -> load(text)).getMessage()
                .replace(dir.resolve("config.yaml").toString(), "config.yaml");
    }

    @Test
    void readsSettingsWithTheirLines() throws Exception {
        UserConfig config = load("run-as: daemon\ntimeout: 30\ndrivers:\n  shell:\n    port: 7000\n    unprivileged: yes\n");
        assertEquals(new UserConfig.Setting("daemon", 1), config.runAs().orElseThrow());
        assertEquals(new UserConfig.Setting("30", 2), config.timeout().orElseThrow());
        assertEquals(Map.of("port", "7000", "unprivileged", "true"), config.optionsOf("shell"));
        assertEquals(5, config.driverOptions().get("shell").get("port").line());
    }

    @Test
    void theCacheDirectoryIsAnAbsolutePathWithTildeExpanded() throws Exception {
        UserConfig config = load("run-as: daemon\ncache-dir: ~/templates/../cache\n");
        String expected = Environment.process().home().resolve("cache").toString();
        assertEquals(new UserConfig.Setting(expected, 2), config.cacheDir().orElseThrow());
        if (System.getenv("PIFPAF_CACHE_DIR") == null) {
            assertEquals(new UserConfig.CacheDir(Path.of(expected), dir.resolve("config.yaml") + ":2"),
                    config.effectiveCacheDir());
        }
    }

    @Test
    void provisioningModeAndDirectory() throws Exception {
        UserConfig config = load("provision: Provisioned\nprovision-dir: ~/daemons\n");
        assertEquals(new UserConfig.Setting("provisioned", 1), config.provision().orElseThrow());
        assertEquals(new UserConfig.Setting(Environment.process().home().resolve("daemons").toString(),
                2), config.provisionDir().orElseThrow());
    }

    @Test
    void theCacheDirectoryIsReadAloneBeforeDriversAreKnown() throws Exception {
        assumeTrue(System.getenv("PIFPAF_CACHE_DIR") == null, "the environment would decide");
        Path file = Files.writeString(dir.resolve("config.yaml"), "drivers:\n  not-loaded-yet: {}\ncache-dir: /var/cache/x\n");
        assertEquals(Optional.of(new UserConfig.CacheDir(Path.of("/var/cache/x"), file + ":3")), UserConfig.cacheDirOf(file, Environment.process()));
        assertEquals(Optional.of(new UserConfig.CacheDir(TemplateCache.defaultRoot(), "default")),
                UserConfig.cacheDirOf(dir.resolve("absent.yaml"), Environment.process()));
        for (String broken : List.of("cache-dir: relative\n", "- a list\n", "cache-dir: [unclosed\n")) {
            assertEquals(Optional.empty(), UserConfig.cacheDirOf(Files.writeString(file, broken), Environment.process()), broken);
        }
    }

    @Test
    void aMissingFileIsAnEmptyConfiguration() {
        UserConfig config = UserConfig.load(dir.resolve("absent.yaml"), REGISTRY, Environment.process());
        assertFalse(config.exists());
        assertEquals(Map.of(), config.optionsOf("shell"));
    }

    @Test
    void mistakesNameTheFileTheLineAndTheKey() {
        assertEquals("config.yaml:2: colour: unknown setting; the settings are [run-as, timeout, cache-dir,"
                + " data-on-memory, provision, provision-dir, server-idle, drivers]", error("run-as: daemon\ncolour: red\n"));
        assertEquals("config.yaml:1: provision: must be auto, installed or provisioned, not sometimes",
                error("provision: sometimes\n"));
        assertEquals("config.yaml:2: provision-dir: must be an absolute path (or start with ~/), not trees",
                error("provision: auto\nprovision-dir: trees\n"));
        assertEquals("config.yaml:1: timeout: must be a whole number of seconds above 0", error("timeout: soon\n"));
        assertEquals("config.yaml:1: cache-dir: must be an absolute path (or start with ~/), not cache",
                error("cache-dir: cache\n"));
        assertEquals("config.yaml:2: drivers.shel: unknown driver; did you mean 'shell'?", error("drivers:\n  shel: {}\n"));
        assertEquals("config.yaml:3: drivers.shell.colour: unknown option of shell",
                error("drivers:\n  shell:\n    colour: red\n"));
        assertEquals("config.yaml:3: drivers.shell.port: 'many' is not a whole number",
                error("drivers:\n  shell:\n    port: many\n"));
    }

    @Test
    void dataOnMemoryIsTrueFalseOrAuto() throws Exception {
        assertEquals(Optional.of(new UserConfig.Setting("true", 1)), load("data-on-memory: true\n").dataOnMemory());
        assertEquals(Optional.of(new UserConfig.Setting("false", 1)), load("data-on-memory: no\n").dataOnMemory());
        assertEquals(Optional.of(new UserConfig.Setting("auto", 1)), load("data-on-memory: auto\n").dataOnMemory());
        assertEquals("config.yaml:1: data-on-memory: must be true, false or auto, not a string",
                error("data-on-memory: sometimes\n"));
    }
}
