package org.pifpaf.driver.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rewriting of {@code jvm.options} lines, as the archives and the vendors' packages write them. */
class JvmOptionsTest {

    private final JvmOptions options = new JvmOptions(Path.of("/d/logs"), Path.of("/d/tmp"));

    @Test
    void theArchivesRelativePathsPointIntoTheDataDirectory() {
        assertEquals(String.join("\n",
                        "-XX:HeapDumpPath=/d/logs",
                        "-XX:ErrorFile=/d/logs/hs_err_pid%p.log",
                        "8:-Xloggc:/d/logs/gc.log",
                        "9-:-Xlog:gc*,gc+age=trace,safepoint:file=/d/logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m",
                        "-Djava.io.tmpdir=/d/tmp",
                        ""),
                options.rewrite(String.join("\n",
                        "-XX:HeapDumpPath=data",
                        "-XX:ErrorFile=logs/hs_err_pid%p.log",
                        "8:-Xloggc:logs/gc.log",
                        "9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m",
                        "-Djava.io.tmpdir=${ES_TMPDIR}",
                        "")));
    }

    @Test
    void thePackagesSystemWideDirectoriesToo() {
        assertEquals("-XX:HeapDumpPath=/d/logs\n-Xlog:gc*:file=/d/logs/gc.log:utctime",
                options.rewrite("-XX:HeapDumpPath=/var/lib/elasticsearch\n"
                        + "-Xlog:gc*:file=\"/var/log/elasticsearch/gc.log\":utctime"));
    }

    @Test
    void theHeapLinesAreCommentedOutAndTheRestKept() {
        assertEquals(String.join("\n",
                        "## heap",
                        "# -Xms1g    (pifpaf: --heap-size sets the heap)",
                        "# 8-13:-Xmx1g    (pifpaf: --heap-size sets the heap)",
                        "14-:-XX:+UseG1GC",
                        "-Dlog4j2.formatMsgNoLookups=true"),
                options.rewrite(String.join("\n", "## heap", "-Xms1g", "8-13:-Xmx1g", "14-:-XX:+UseG1GC",
                        "-Dlog4j2.formatMsgNoLookups=true")));
    }
}
