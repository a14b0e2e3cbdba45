package org.pifpaf.driver.swift;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts OpenStack Swift: a proxy with TempAuth's test accounts, and an account, a container and
 * an object server on one device in the data directory, with a nested Memcached for the proxy's
 * tokens. See the module documentation for options and variables.
 */
public final class SwiftDriver implements DaemonDriver {

    private static final Binary PROXY = Binary.named("swift-proxy-server").noVersion().debian("swift-proxy");
    private static final Binary ACCOUNT = Binary.named("swift-account-server").noVersion().debian("swift-account");
    private static final Binary CONTAINER = Binary.named("swift-container-server").noVersion().debian("swift-container");
    private static final Binary OBJECT = Binary.named("swift-object-server").noVersion().debian("swift-object");
    private static final Binary CLIENT = Binary.named("swift").noVersion().debian("python3-swiftclient");
    /** No Swift program prints Swift's version: the Python that has Swift tells it, for list-drivers. */
    private static final Binary PYTHON = Binary.named("python3").in("/usr/bin")
            .versionArgs("-c", "import swift; print(swift.__version__)").debian("python3-swift");
    private static final String USERNAME = "test:tester";
    private static final String PASSWORD = "testing";

    @Override
    public String name() {
        return "swift";
    }

    @Override
    public String description() {
        return "OpenStack Swift object storage: proxy, account, container and object servers, TempAuth";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 8080, "proxy port"),
                DriverOption.port("object-port", 5062, "object server port"),
                DriverOption.port("container-port", 5061, "container server port"),
                DriverOption.port("account-port", 5060, "account server port"),
                DriverOption.port("memcached-port", 5063, "port of the Memcached the proxy keeps tokens in"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(PROXY, ACCOUNT, CONTAINER, OBJECT, CLIENT, PYTHON);
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("memcached"));
    }

    @Override
    public Duration startupTimeout() {
        // Four Python servers importing Swift at once, the rings and two client runs: some 7 s of
        // CPU in all, 11-20 s measured on two cores shared with a load average of 15.
        return Duration.ofSeconds(90);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        int objectPort = ctx.port("object-port");
        int containerPort = ctx.port("container-port");
        int accountPort = ctx.port("account-port");
        Path proxy = ctx.executable(PROXY);
        Path account = ctx.executable(ACCOUNT);
        Path container = ctx.executable(CONTAINER);
        Path object = ctx.executable(OBJECT);
        Path client = ctx.executable(CLIENT);
        Path dataDir = ctx.dataDir();
        requireUserXattrs(dataDir);
        // The user the servers would drop to, were they started as root: the one they run as.
        SwiftConfig config = new SwiftConfig(dataDir, ctx.runningAsRoot() ? ctx.unprivilegedUser() : ctx.invokingUser());

        // TempAuth keeps its tokens in Memcached: no proxy without it.
        NestedDaemon memcached = ctx.daemon("memcached").option("port", ctx.intOption("memcached-port")).start();
        int memcachedPort = Integer.parseInt(memcached.env("MEMCACHED_PORT"));

        Path swiftDir = dataDir.resolve(SwiftConfig.SWIFT_DIR);
        Path rings = Files.writeString(dataDir.resolve("swift-rings.py"), SwiftPython.RINGS);
        Path server = Files.writeString(dataDir.resolve("swift-server.py"), SwiftPython.SERVER);
        makeRings(ctx, proxy, rings, swiftDir, objectPort, containerPort, accountPort);
        Files.writeString(swiftDir.resolve("swift.conf"), SwiftConfig.swiftConf());
        Files.writeString(swiftDir.resolve("container-sync-realms.conf"), SwiftConfig.containerSyncRealms(port));
        Files.writeString(dataDir.resolve("proxy.conf"), config.proxy(port, memcachedPort));
        Files.writeString(dataDir.resolve("object.conf"), config.backend("object", objectPort));
        Files.writeString(dataDir.resolve("container.conf"), config.backend("container", containerPort));
        Files.writeString(dataDir.resolve("account.conf"), config.backend("account", accountPort));
        Files.createDirectories(dataDir.resolve("data").resolve(SwiftConfig.DEVICE));

        ctx.launchAll(List.of(
                Launch.of(server(ctx, server, object, "object"), Ready.tcpPort(objectPort)),
                Launch.of(server(ctx, server, container, "container"), Ready.tcpPort(containerPort)),
                Launch.of(server(ctx, server, account, "account"), Ready.tcpPort(accountPort)),
                Launch.of(server(ctx, server, proxy, "proxy"), Ready.http("http://127.0.0.1:" + port + "/healthcheck", 200))));
        String authUrl = "http://localhost:" + port + "/auth/v1.0";
        smokeTest(ctx, client, authUrl);

        String url = "swift://test%3Atester:testing@localhost:" + port + "/auth/v1.0";
        ctx.export("SWIFT_PORT", Integer.toString(port));
        ctx.export("SWIFT_USERNAME", USERNAME);
        ctx.export("SWIFT_PASSWORD", PASSWORD);
        ctx.export("SWIFT_AUTH_URL", authUrl);
        ctx.export("SWIFT_URL", url);
        ctx.url(url);
    }

    /**
     * Makes {@code swiftDir} holding the object, container and account rings for these ports:
     * from the template cache when the user fixed the ports (the defaults do), else afresh, as a
     * template keyed by free ports would hardly ever be used again.
     */
    private static void makeRings(DriverContext ctx, Path proxy, Path program, Path swiftDir, int objectPort,
                                  int containerPort, int accountPort) throws Exception {
        String[] ports = {Integer.toString(objectPort), Integer.toString(containerPort), Integer.toString(accountPort)};
        Template.Creator rings = dir -> {
            Files.createDirectory(dir);
            ctx.run(SwiftPython.command(proxy, program, List.of(ports)).workingDirectory(dir)
                    .asUnprivilegedUser().label("rings"));
        };
        if (ctx.intOption("object-port") == 0 || ctx.intOption("container-port") == 0 || ctx.intOption("account-port") == 0) {
            rings.create(swiftDir);
            return;
        }
        // The proxy's script stands for Swift's version, as its packages are upgraded together.
        ctx.createFromTemplate(Template.named("rings")
                .keyedByBinary(Path.of(SwiftPython.interpreterOf(proxy).get(0))).keyedByBinary(proxy)
                .keyedBy(SwiftPython.RINGS).keyedBy(ports)
                .createdBy(rings), swiftDir);
    }

    /**
     * A Swift server ({@code kind}: proxy, account, container, object), its {@code script} run by
     * the driver's {@code program}, with its configuration file, logging to standard error
     * ({@code -v}). As root it runs as the unprivileged user: nothing in a test cluster needs
     * root. Killed at the stop, as its data is thrown away.
     */
    private static Command server(DriverContext ctx, Path program, Path script, String kind) {
        Path dataDir = ctx.dataDir();
        return SwiftPython.command(script, program, List.of(dataDir.resolve(SwiftConfig.SWIFT_DIR).toString(),
                        script.toString(), dataDir.resolve(kind + ".conf").toString(), "-v"))
                .asUnprivilegedUser().stopSignal(Signal.KILL).label("swift-" + kind + "-server");
    }

    /**
     * The original's check, on the real port: {@code swift stat} and {@code swift upload} with the
     * test account, which goes through the proxy, TempAuth and Memcached to every server and
     * stores an object (container {@code pifpaf}, object {@code pifpaf_test_file}). No retries:
     * the servers are ready, and a failure should show at once.
     */
    private static void smokeTest(DriverContext ctx, Path client, String authUrl) throws IOException {
        Files.writeString(ctx.dataDir().resolve("pifpaf_test_file"), "");
        Command swift = Command.of(client, "--retries", "0", "-A", authUrl, "-V", "1.0", "-U", USERNAME, "-K", PASSWORD)
                // A token and storage URL in the environment would make the client skip authentication.
                .env("OS_AUTH_TOKEN", "").env("OS_STORAGE_URL", "").asUnprivilegedUser();
        ctx.run(swift.args("stat").label("swift-stat"));
        ctx.run(swift.args("upload", "pifpaf", "pifpaf_test_file").label("swift-upload"));
    }

    /**
     * Fails unless the data directory's file system keeps {@code user.*} extended attributes,
     * where the object server stores every object's metadata.
     */
    private static void requireUserXattrs(Path dataDir) throws IOException {
        Path probe = Files.createFile(dataDir.resolve("xattr-check"));
        try {
            UserDefinedFileAttributeView xattrs = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (xattrs == null) {
                throw new FileSystemException(probe.toString(), null, "no extended attributes on this platform");
            }
            xattrs.write("pifpaf", ByteBuffer.wrap("test".getBytes(StandardCharsets.US_ASCII)));
        } catch (FileSystemException e) {
            throw new DriverException("the file system of " + dataDir + " keeps no user extended attributes (xattrs),"
                    + " where Swift stores object metadata (" + e.getReason() + "); set TMPDIR to a directory on"
                    + " ext4, XFS or btrfs");
        } finally {
            Files.delete(probe);
        }
    }
}
