package org.pifpaf.driver.httpbin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.ProcessFailedException;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts httpbin, the HTTP request and response service, under gunicorn on 127.0.0.1. See the
 * module documentation for options and variables.
 */
public final class HttpbinDriver implements DaemonDriver {

    private static final Binary GUNICORN = Binary.named("gunicorn").debian("gunicorn");
    /** Not an executable but a Python module; named so that its absence reads like a missing binary. */
    static final Binary HTTPBIN_MODULE = Binary.named("httpbin (Python module)").noVersion()
            .debian("python3-httpbin");
    private static final String LABEL = "httpbin";

    @Override
    public String name() {
        return "httpbin";
    }

    @Override
    public String description() {
        return "httpbin, the HTTP request and response service, under gunicorn";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 5000, "HTTP port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(GUNICORN);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) {
        int port = ctx.port("port");
        String url = "http://127.0.0.1:" + port;
        Path dataDir = ctx.dataDir();
        // One worker process with a few threads: concurrent requests and keep-alive, as the
        // original's threaded Flask server had. gunicorn reads no configuration file here (its
        // default, ./gunicorn.conf.py, would be in the private data directory) and the user's
        // GUNICORN_CMD_ARGS are blanked out, so nothing changes the address or daemonizes it.
        Command gunicorn = Command.of(ctx.executable(GUNICORN),
                        "--bind", "127.0.0.1:" + port, "--workers", "1", "--threads", "4",
                        "--worker-tmp-dir", dataDir.toString(), "--access-logfile", "-", "httpbin:app")
                .env("GUNICORN_CMD_ARGS", "")
                .env("PYTHONDONTWRITEBYTECODE", "1")
                // httpbin keeps no state, and gunicorn takes 1.5 to 2.5 s to honour INT or
                // TERM (its loops sleep in steps): kill it outright; the runtime then kills
                // its worker.
                .stopSignal(Signal.KILL)
                .label(LABEL);
        try {
            // The log line says gunicorn itself bound the port (it retries for 5 s when the
            // port is taken); the answer from /get says the application is loaded.
            ctx.launch(gunicorn, Ready.allOf(
                    Ready.logLine("Listening at: " + Pattern.quote(url) + " "),
                    Ready.http(url + "/get", 200)));
        } catch (ProcessFailedException e) {
            throw httpbinMissing(e.logFile()) ? missingModule(e) : e;
        }
        ctx.export("HTTPBIN_PORT", Integer.toString(port));
        ctx.url(url);
    }

    /** Whether the worker failed to boot because gunicorn's Python cannot import httpbin. */
    private static boolean httpbinMissing(Path log) {
        try {
            return log != null && Files.isRegularFile(log) && Files.readString(log).contains("No module named 'httpbin'");
        } catch (IOException e) {
            return false;
        }
    }

    private static MissingBinaryException missingModule(DriverException cause) {
        MissingBinaryException missing = new MissingBinaryException(HTTPBIN_MODULE);
        missing.initCause(cause);
        return missing;
    }
}
