package org.pifpaf.driver.swift;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pifpaf.api.Command;
import org.pifpaf.api.DriverException;

/**
 * The two short Python programs the driver writes into the data directory and runs with the
 * interpreter Swift is installed for: one that starts a Swift server reading {@code swift.conf}
 * from its {@code swift_dir}, and one that makes the three rings.
 */
final class SwiftPython {

    /**
     * What both programs start with: {@code /etc/swift} is out of bounds (Python's audit hook
     * refuses to open anything there, as if it did not exist). Swift's modules read
     * {@code /etc/swift/swift.conf} as they load, whatever the configuration says, and a
     * machine's own Swift settings (hash path, storage policies, constraints) must not leak in.
     */
    static final String WITHOUT_ETC_SWIFT = """
            import errno, os, sys
            def keep_out_of_etc_swift(event, args):
                if event == 'open' and isinstance(args[0], (str, bytes)) \\
                        and (os.path.abspath(os.fsdecode(args[0])) + '/').startswith('/etc/swift/'):
                    raise FileNotFoundError(errno.ENOENT, 'not read by a pifpaf Swift', args[0])
            sys.addaudithook(keep_out_of_etc_swift)
            """;

    /**
     * Runs a Swift server script (argv: swift dir, script, its arguments) with
     * {@code swift.conf} from the swift dir: Swift has no option for that file, only its own
     * {@code set_swift_dir}, called before any server code runs.
     */
    static final String SERVER = WITHOUT_ETC_SWIFT + """
            from swift.common import utils
            utils.set_swift_dir(sys.argv[1])
            sys.argv = sys.argv[2:]
            import runpy
            runpy.run_path(sys.argv[0], run_name='__main__')
            """;

    /**
     * Writes {@code object.ring.gz}, {@code container.ring.gz} and {@code account.ring.gz}
     * (argv: their servers' ports) in the working directory: 2^10 partitions, one replica, all
     * on the one device. What {@code swift-ring-builder create 10 1 1}, {@code add} and
     * {@code rebalance} do, with Swift's own builder, in one interpreter rather than nine.
     */
    static final String RINGS = WITHOUT_ETC_SWIFT + """
            import gzip
            from swift.common.ring import RingBuilder
            for kind, port in zip(('object', 'container', 'account'), map(int, sys.argv[1:])):
                builder = RingBuilder(10, 1, 1)
                builder.add_dev({'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': port,
                                 'replication_ip': '127.0.0.1', 'replication_port': port,
                                 'device': '%s', 'weight': 1})
                builder.rebalance()
                with gzip.GzipFile(kind + '.ring.gz', 'wb', mtime=0) as ring:
                    builder.get_ring().serialize_v1(ring)
            """.formatted(SwiftConfig.DEVICE);

    private SwiftPython() {
    }

    /**
     * The interpreter that runs {@code script}, from its {@code #!} line (such as
     * {@code /usr/bin/python3}, or {@code /usr/bin/env python3}): the one Swift was installed for.
     */
    static List<String> interpreterOf(Path script) {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            first = reader.readLine();
        } catch (IOException e) {
            throw new DriverException("cannot read " + script + ": " + e.getMessage(), e);
        }
        if (first == null || !first.startsWith("#!") || first.substring(2).isBlank()) {
            throw new DriverException(script + " is not a Python script (no #! line); Swift's servers are");
        }
        return new ArrayList<>(Arrays.asList(first.substring(2).strip().split("\\s+")));
    }

    /** {@code python program args...} with the interpreter from {@code script}'s {@code #!} line. */
    static Command command(Path script, Path program, List<String> args) {
        List<String> argv = interpreterOf(script);
        argv.add(program.toString());
        argv.addAll(args);
        return Command.of(Path.of(argv.get(0))).args(argv.subList(1, argv.size()));
    }
}
