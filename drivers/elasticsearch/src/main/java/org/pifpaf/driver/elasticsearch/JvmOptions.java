package org.pifpaf.driver.elasticsearch;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a {@code jvm.options} file (or one of {@code jvm.options.d/*.options}) for a
 * throw-away node: every file the JVM would write goes to the data directory's {@code logs/},
 * its temporary directory is the data directory's {@code tmp/}, and the heap lines are commented
 * out, since {@code --heap-size} sets the heap. Everything else is kept as the distribution
 * wrote it, version ranges ({@code 14-:-XX:+UseG1GC}) included.
 *
 * <p>The archives' own paths are relative ({@code -XX:HeapDumpPath=data},
 * {@code file=logs/gc.log}) and the start script runs the JVM in the installation directory, so
 * as they stand a node writes into the installation (which the unprivileged user cannot, and
 * which must stay as it is); the vendors' packages name {@code /var/lib/...} and
 * {@code /var/log/...}, a system-wide node's directories.
 */
final class JvmOptions {

    /** What the JVM needs when the distribution's own file cannot be read: its releases' settings, minus the heap. */
    static final String FALLBACK = String.join("\n",
            "## Written by pifpaf: the distribution's jvm.options could not be read.",
            "-XX:+UseG1GC",
            "-XX:G1ReservePercent=25",
            "-XX:InitiatingHeapOccupancyPercent=30",
            "-Djava.io.tmpdir=tmp",
            "-XX:+HeapDumpOnOutOfMemoryError",
            "-XX:HeapDumpPath=data",
            "-XX:ErrorFile=logs/hs_err_pid%p.log",
            "9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=4,filesize=64m",
            // From Java 18 on, the security manager both distributions install must be allowed.
            "18-:-Djava.security.manager=allow",
            "");

    /** An option, after an optional version range such as {@code 8:}, {@code 9-:} or {@code 8-13:}. */
    private static final Pattern LINE = Pattern.compile("^(\\s*\\d+(?:-\\d*)?:)?(-\\S.*)$");
    /** The log file of a unified-logging option ({@code -Xlog:gc*:file=logs/gc.log:...}), quoted or not. */
    private static final Pattern XLOG_FILE = Pattern.compile("file=(\"[^\"]*\"|[^:]*)");

    private final Path logs;
    private final Path tmp;

    /**
     * @param logs where heap dumps, fatal error logs and GC logs go
     * @param tmp  the JVM's temporary directory
     */
    JvmOptions(Path logs, Path tmp) {
        this.logs = logs;
        this.tmp = tmp;
    }

    /** {@code text} with each line rewritten as the class says. */
    String rewrite(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(rewriteLine(line)).append('\n');
        }
        // split(-1) turned the final newline into one more, empty line.
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private String rewriteLine(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return line;
        }
        String range = matcher.group(1) == null ? "" : matcher.group(1);
        String option = matcher.group(2);
        if (option.startsWith("-Xms") || option.startsWith("-Xmx")) {
            return "# " + line + "    (pifpaf: --heap-size sets the heap)";
        }
        if (option.startsWith("-Djava.io.tmpdir=")) {
            return range + "-Djava.io.tmpdir=" + tmp;
        }
        if (option.startsWith("-XX:HeapDumpPath=")) {
            return range + "-XX:HeapDumpPath=" + logs;
        }
        if (option.startsWith("-XX:ErrorFile=")) {
            return range + "-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log");
        }
        if (option.startsWith("-Xloggc:")) {
            return range + "-Xloggc:" + logs.resolve("gc.log");
        }
        if (option.startsWith("-Xlog:")) {
            return range + XLOG_FILE.matcher(option).replaceFirst(Matcher.quoteReplacement("file=" + logs.resolve("gc.log")));
        }
        return line;
    }
}
