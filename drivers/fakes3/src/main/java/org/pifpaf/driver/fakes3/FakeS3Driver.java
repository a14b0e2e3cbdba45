package org.pifpaf.driver.fakes3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts FakeS3 on 127.0.0.1 with its buckets in the data directory. See the module
 * documentation for options and variables.
 */
public final class FakeS3Driver implements DaemonDriver {

    /**
     * A Ruby gem, in no Debian package or Homebrew formula. No version: {@code fakes3 version}
     * answers with a banner whose first line is a rule of {@code =}.
     */
    static final Binary FAKES3 = Binary.named("fakes3").noVersion().orInstall("'gem install fakes3'");

    @Override
    public String name() {
        return "fakes3";
    }

    @Override
    public String description() {
        return "FakeS3, a fake S3 server (Ruby gem fakes3); see also s3rver";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 8989, "HTTP port"),
                DriverOption.string("license", null, "license key, which FakeS3 1.3 and later ask for"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(FAKES3);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        // Its own directory: FakeS3 takes every entry of its root for a bucket, the data
        // directory's log files included.
        Path buckets = Files.createDirectory(ctx.dataDir().resolve("buckets"));
        Command server = Command.of(ctx.executable(FAKES3), "--root", buckets.toString(),
                        "--port", Integer.toString(port), "--address", "127.0.0.1")
                .stopSignal(Signal.KILL); // its buckets are thrown away
        if (ctx.option("license") != null) {
            server = server.args("--license", ctx.option("license"));
        }
        // WEBrick's line once it listens (two spaces after INFO).
        ctx.launch(server, Ready.logLine("INFO  WEBrick::HTTPServer#start: pid=\\d+ port=" + port + "$"));
        ctx.export("FAKES3_PORT", Integer.toString(port));
        ctx.url("s3://localhost:" + port);
        ctx.export("HTTP_URL", "http://localhost:" + port);
    }
}
