package org.pifpaf.driver.s3rver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;

/**
 * Starts S3rver, a fake S3 written for Node.js, on 127.0.0.1 with its buckets in the data
 * directory. See the module documentation for options and variables.
 */
public final class S3rverDriver implements DaemonDriver {

    /** From npm ({@code npm install -g s3rver}): no Debian package or Homebrew formula has it. */
    private static final Binary S3RVER = Binary.named("s3rver").npm("s3rver");
    /** s3rver is a script run by {@code #!/usr/bin/env node}. */
    // No version: list-drivers shows the daemon's, s3rver's, not the interpreter's.
    private static final Binary NODE = Binary.named("node").debian("nodejs").brew("node").noVersion();

    @Override
    public String name() {
        return "s3rver";
    }

    @Override
    public String description() {
        return "S3rver, a fake S3 server (npm package s3rver)";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 4568, "HTTP port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(S3RVER, NODE);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) {
        int port = ctx.port("port");
        Path s3rver = ctx.executable(S3RVER);
        // Found first so that a missing Node.js is named as such, not as a failure of env.
        ctx.executable(NODE);
        // s3rver prints this line once its server listens, even with --silent; it logs each
        // request otherwise, which is worth having in the log file.
        ctx.launch(Command.of(s3rver, "--address", "127.0.0.1", "--port", Integer.toString(port),
                        "--directory", ctx.dataDir().resolve("buckets").toString()),
                Ready.logLine("S3rver listening on " + Pattern.quote("127.0.0.1:" + port) + "$"));
        ctx.export("S3RVER_PORT", Integer.toString(port));
        ctx.url("s3://localhost:" + port);
        ctx.export("HTTP_URL", "http://localhost:" + port);
    }
}
