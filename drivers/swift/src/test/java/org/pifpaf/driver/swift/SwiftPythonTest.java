package org.pifpaf.driver.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/** The Python side of the driver, with the interpreter Swift is installed for. */
class SwiftPythonTest {

    private static final Path PROXY = Path.of("/usr/bin/swift-proxy-server");

    @Test
    void swiftsModulesFindNothingInEtcSwift() {
        if (!Files.isRegularFile(PROXY)) {
            DriverTestKit.skipUnlessCi("swift-proxy-server not found; install it with 'apt-get install swift-proxy'");
        }
        List<String> argv = new ArrayList<>(SwiftPython.interpreterOf(PROXY));
        argv.addAll(List.of("-c", SwiftPython.WITHOUT_ETC_SWIFT + """
                from swift.common import utils
                print('hash path', repr(utils.HASH_PATH_PREFIX), repr(utils.HASH_PATH_SUFFIX))
                open('/etc/swift/../swift/swift.conf')
                """));
        ClientResult result = DriverTestKit.runClient(argv, env -> { });
        // Debian's /etc/swift/swift.conf sets both: Swift's import would have read them.
        assertTrue(result.output().contains("hash path b'' b''"), result.output());
        assertNotEquals(0, result.status());
        assertTrue(result.output().contains("FileNotFoundError: [Errno 2] not read by a pifpaf Swift"), result.output());
    }

    @Test
    void theInterpreterIsTheOneOnTheScriptsFirstLine(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "#! /usr/bin/python3\nprint('hi')\n");
        Path env = Files.writeString(dir.resolve("env"), "#!/usr/bin/env python3\n");
        assertEquals(List.of("/usr/bin/python3"), SwiftPython.interpreterOf(plain));
        assertEquals(List.of("/usr/bin/env", "python3"), SwiftPython.interpreterOf(env));
        assertEquals(List.of("/usr/bin/env", "python3", "/data/program.py", "x"),
                SwiftPython.command(env, Path.of("/data/program.py"), List.of("x")).argv());
    }
}
