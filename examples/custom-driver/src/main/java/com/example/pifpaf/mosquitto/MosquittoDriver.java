package com.example.pifpaf.mosquitto;

import java.nio.charset.StandardCharsets;
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

/**
 * Starts Eclipse Mosquitto on 127.0.0.1 with a configuration file of its own, so the system's
 * {@code /etc/mosquitto} is never read. See the module documentation for options and variables.
 *
 * <p>A driver only declares things: the runtime creates and removes the data directory, finds
 * the binary, waits for readiness, stops the process and exports the variables.
 */
public final class MosquittoDriver implements DaemonDriver {

    /**
     * Debian installs the broker in /usr/sbin, which is not on every user's PATH. It has no
     * {@code --version}; {@code -h} prints "mosquitto version 2.0.x" first (then the usage).
     */
    private static final Binary MOSQUITTO = Binary.named("mosquitto").in("/usr/sbin")
            .versionArgs("-h").debian("mosquitto").brew("mosquitto");

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public String description() {
        return "Eclipse Mosquitto MQTT broker on the loopback interface (example third-party driver)";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 1883, "MQTT port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(MOSQUITTO);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        Path config = ctx.dataDir().resolve("mosquitto.conf");
        // One listener, bound to loopback. Since 2.0, mosquitto refuses anonymous clients on a
        // configured listener unless allow_anonymous says otherwise. Nothing is persisted. The log goes to
        // standard error, where the runtime reads it (readiness, failure messages): mosquitto
        // writes its stdout log through a buffered stream, so on a pipe the lines would only
        // arrive when the buffer fills or the broker exits.
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr",
                ""), StandardCharsets.UTF_8);
        // Root: started as root, mosquitto switches to the user named by the 'user' option
        // (default "mosquitto", or "nobody" if that user does not exist), which could not write
        // to the root-owned data directory (mode 0700). Rather than naming a user in the file,
        // the process is started as pifpaf's unprivileged user (--run-as), which the runtime
        // gives the data directory first; as a non-root user mosquitto ignores 'user', so the
        // same configuration works with and without root, and the data directory stays
        // writable by the broker in both cases. Without root, asUnprivilegedUser() changes
        // nothing.
        Command mosquitto = Command.of(ctx.executable(MOSQUITTO), "-c", config.toString()).asUnprivilegedUser();
        // Mosquitto 2.0 logs "Opening ipv4 listen socket on port N." and then, once every
        // listener is open, "mosquitto version 2.0.x running".
        ctx.launch(mosquitto, Ready.allOf(Ready.logLine("mosquitto version \\S+ running"), Ready.tcpPort(port)));
        ctx.export("MOSQUITTO_PORT", Integer.toString(port));
        ctx.url("mqtt://localhost:" + port);
    }
}
