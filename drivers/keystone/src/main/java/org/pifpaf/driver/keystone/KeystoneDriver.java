package org.pifpaf.driver.keystone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts a throw-away Keystone (OpenStack Identity): {@code keystone-manage} creates a SQLite
 * database and the Fernet and credential key repositories (a cached template), bootstraps an
 * {@code admin} user with a random password, then {@code keystone-wsgi-public} and
 * {@code keystone-wsgi-admin} serve on 127.0.0.1. See the module documentation for options and
 * variables.
 */
public final class KeystoneDriver implements DaemonDriver {

    static final Binary KEYSTONE_MANAGE = keystoneBinary("keystone-manage");
    private static final Binary WSGI_PUBLIC = keystoneBinary("keystone-wsgi-public").noVersion();
    private static final Binary WSGI_ADMIN = keystoneBinary("keystone-wsgi-admin").noVersion();
    /** What makes the template, in order; also its key, so other steps make another entry. */
    private static final List<String> SETUP_STEPS = List.of("db_sync", "fernet_setup", "credential_setup");

    @Override
    public String name() {
        return "keystone";
    }

    @Override
    public String description() {
        return "Keystone (OpenStack Identity) with an admin user, on SQLite";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 5000, "public API port"),
                DriverOption.port("admin-port", 35537, "admin API port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(KEYSTONE_MANAGE, WSGI_PUBLIC, WSGI_ADMIN);
    }

    @Override
    public Duration startupTimeout() {
        // A first start runs four Python programs before the servers (about 6 s on an idle
        // machine); a loaded CI machine may take several times that.
        return Duration.ofSeconds(90);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        int adminPort = ctx.port("admin-port");
        // All three looked up first: a missing one fails the start before the slow steps.
        Path manage = ctx.executable(KEYSTONE_MANAGE);
        Path wsgiPublic = ctx.executable(WSGI_PUBLIC);
        Path wsgiAdmin = ctx.executable(WSGI_ADMIN);
        String url = "http://localhost:" + port;
        String adminUrl = "http://localhost:" + adminPort;
        KeystoneFiles files = new KeystoneFiles(ctx.dataDir());
        files.write();

        // The database schema and the keys are the same at every start (see the module
        // documentation for why sharing keys is fine here): made once, then copied.
        ctx.createFromTemplate(Template.named("state")
                        .keyedByBinary(manage)
                        .keyedBy(SETUP_STEPS.toArray(String[]::new))
                        .createdBy(dir -> setUp(ctx, manage, files, dir)),
                files.state());

        // Users and endpoints differ at every start (password, ports), so bootstrap is not cached.
        String password = UUID.randomUUID().toString();
        ctx.run(bootstrap(manage, files, password, url, adminUrl));

        // Both servers import Keystone for a second or more: spawned together, they are ready
        // in about 1.6 s instead of 2.5 s one after the other (two cores).
        ctx.launchAll(List.of(
                server(wsgiPublic, port, files, "public"),
                server(wsgiAdmin, adminPort, files, "admin")));

        ctx.exportRaw("OS_AUTH_URL", url);
        ctx.exportRaw("OS_PROJECT_NAME", "admin");
        ctx.exportRaw("OS_USERNAME", "admin");
        ctx.exportRaw("OS_PASSWORD", password);
        // Not in the original: with these, the openstack client needs nothing more.
        ctx.exportRaw("OS_USER_DOMAIN_NAME", "Default");
        ctx.exportRaw("OS_PROJECT_DOMAIN_NAME", "Default");
        ctx.exportRaw("OS_IDENTITY_API_VERSION", "3");
        ctx.export("KEYSTONE_PORT", Integer.toString(port));
        ctx.export("KEYSTONE_ADMIN_PORT", Integer.toString(adminPort));
        ctx.url("keystone://localhost:" + port);
        ctx.export("KEYSTONE_HTTP_URL", url);
    }

    /** The template's creator: the database schema, then the token and credential keys. */
    private static void setUp(DriverContext ctx, Path manage, KeystoneFiles files, Path dir) throws Exception {
        Files.createDirectory(dir);
        for (String step : SETUP_STEPS) {
            ctx.run(keystone(manage, files, step).label(step));
        }
        // keystone-manage logs an unusable key repository as an error but still exits 0.
        for (Path keys : List.of(files.fernetKeys(), files.credentialKeys())) {
            if (!Files.isRegularFile(keys.resolve("0"))) {
                throw new DriverException("keystone-manage created no key in " + keys + " (see its log)");
            }
        }
    }

    /**
     * The original's bootstrap: user {@code admin} in project {@code admin} with role
     * {@code admin}, service {@code keystone}, its endpoints in region {@code Pifpaf}.
     * {@code keystone-manage} prefers {@code OS_BOOTSTRAP_*} variables to its arguments, so all
     * are given that way: a user's own cannot slip in, and the password stays out of the
     * process list.
     */
    private static Command bootstrap(Path manage, KeystoneFiles files, String password, String url, String adminUrl) {
        Command bootstrap = keystone(manage, files, "bootstrap").label("bootstrap");
        Map<String, String> settings = Map.of(
                "USERNAME", "admin", "PASSWORD", password, "PROJECT_NAME", "admin", "ROLE_NAME", "admin",
                "SERVICE_NAME", "keystone", "ADMIN_URL", adminUrl, "PUBLIC_URL", url, "INTERNAL_URL", url,
                "REGION_ID", "Pifpaf");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            bootstrap = bootstrap.env("OS_BOOTSTRAP_" + setting.getKey(), setting.getValue());
        }
        return bootstrap;
    }

    /**
     * A {@code keystone-manage} command. As root it runs as the unprivileged user, like the
     * servers: the files are theirs, and {@code fernet_setup} needs no {@code --keystone-user}.
     */
    private static Command keystone(Path manage, KeystoneFiles files, String subcommand) {
        return Command.of(manage).args(files.configArgs()).args(subcommand)
                .env("HOME", files.home().toString())
                .asUnprivilegedUser();
    }

    /**
     * One of the two WSGI servers (Python's single-threaded wsgiref, for tests only). They hold
     * nothing worth an orderly shutdown, and SQLite recovers a killed writer: SIGKILL.
     */
    private static Launch server(Path script, int port, KeystoneFiles files, String label) {
        Command command = Command.of(script, "--host", "127.0.0.1", "--port", Integer.toString(port), "--")
                .args(files.configArgs())
                .env("HOME", files.home().toString())
                .asUnprivilegedUser()
                .stopSignal(Signal.KILL)
                .label(label);
        // The line is printed once the application is loaded and the port bound, just before it
        // serves; the version list (300 Multiple Choices) shows it does serve.
        return Launch.of(command, Ready.allOf(Ready.logLine("Available at http://\\S+:" + port + "/"),
                Ready.http("http://127.0.0.1:" + port + "/", 300)));
    }

    private static Binary keystoneBinary(String name) {
        return Binary.named(name).debian("python3-keystone");
    }
}
