package org.pifpaf.driver.couchdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pifpaf.testkit.contract.FakeExecutable;
import org.pifpaf.testkit.contract.Invocation;
import org.pifpaf.testkit.contract.Route;

/** Fake CouchDB installations and the exact contracts they hold the driver to. */
final class CouchdbFakes {

    static final String WELCOME = "{\"couchdb\":\"Welcome\",\"version\":\"3.3.3\",\"vendor\":{\"name\":\"The Apache Software"
            + " Foundation\"}}";

    private CouchdbFakes() {
    }

    /** The local.ini a CouchDB 3 node must be handed, capturing its ports and password. */
    static final String LOCAL_INI = "; Written by pifpaf: a single node of its own, on 127.0.0.1 only.\n"
            + "[couchdb]\ndatabase_dir = ${data}/db\nview_index_dir = ${data}/db\nuri_file = ${data}/couchdb.uri\n"
            + "single_node = true\n\n[cluster]\nn = 1\n\n[chttpd]\nbind_address = 127.0.0.1\nport = ${port:\\d+}\n"
            + "\n[httpd]\nbind_address = 127.0.0.1\nport = ${nodeLocal:\\d+}\n\n[log]\nwriter = stderr\nlevel = info\n"
            + "\n[admins]\npifpaf = ${password:[0-9a-f]{32}}\n";

    /** The vm.args it must be handed. */
    static final String VM_ARGS = "# Written by pifpaf: a node of its own, reachable from this machine only.\n"
            + "-name pifpaf-${port}@127.0.0.1\n-setcookie ${cookie:[0-9a-f]{32}}\n-start_epmd false\n"
            + "-kernel inet_dist_use_interface {127,0,0,1}\n-kernel inet_dist_listen_min ${dist:\\d+}\n"
            + "-kernel inet_dist_listen_max ${dist}\n-kernel error_logger silent\n-sasl sasl_error_logger false\n"
            + "+Bd -noinput\n";

    /**
     * A CouchDB 3.3.3 release in {@code root} (a real path): {@code bin/couchdb} and the ERTS's
     * {@code epmd} are fakes; {@code etc/} holds the defaults and a local configuration that must
     * not be read.
     */
    static void release(Path root) throws IOException {
        release(root, WELCOME);
    }

    /** The same release, answering {@code GET /} with {@code page} instead of the welcome. */
    static void release(Path root, String page) throws IOException {
        Files.createDirectories(root.resolve("releases"));
        Files.writeString(root.resolve("releases/start_erl.data"), "12.3.2.17 3.3.3\n");
        Files.createDirectories(root.resolve("etc/default.d"));
        Files.createDirectories(root.resolve("etc/local.d"));
        Files.writeString(root.resolve("etc/default.ini"), "[chttpd]\nport = 5984\n");
        Files.writeString(root.resolve("etc/local.ini"), "[admins]\nthe-machines-admin = secret\n");
        FakeExecutable.named("epmd")
                .on(Invocation.withArgs("-port", "${epmd:\\d+}", "-address", "127.0.0.1").listens("${epmd}"))
                .writeInto(root.resolve("erts-12.3.2.17/bin"));
        FakeExecutable.named("couchdb")
                .on(Invocation.withArgs("-couch_ini", root + "/etc/default.ini", root + "/etc/default.d", "${data}/local.ini")
                        .env("COUCHDB_ARGS_FILE", "${data}/vm.args")
                        .env("COUCHDB_INI_FILES", "")
                        .env("ERL_EPMD_PORT", "${epmd:\\d+}")
                        .file("${data}/local.ini", LOCAL_INI)
                        .file("${data}/vm.args", VM_ARGS)
                        .servesHttp("${port}", Route.get("/", 200, page),
                                Route.get("/_all_dbs", 200, "[\"_replicator\",\"_users\"]").withBasicAuth("pifpaf", "${password}"))
                        .prints("[info] 2026-01-01T00:00:00.000000Z pifpaf-${port}@127.0.0.1 <0.250.0> --------"
                                + " Apache CouchDB has started on http://127.0.0.1:${port}/"))
                .writeInto(root.resolve("bin"));
    }

    /**
     * A CouchDB 1.x {@code couchdb} in {@code dir}/bin, whose default configuration files are
     * {@code dir}/etc/default.ini, {@code dir}/etc/local.ini and one that does not exist; returns
     * the bin directory.
     */
    static Path oneDotX(Path dir) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc")).toRealPath();
        Files.writeString(etc.resolve("default.ini"), "[httpd]\nport = 5984\n");
        Files.writeString(etc.resolve("local.ini"), "[couchdb]\n");
        String config = "[couchdb]\ndatabase_dir = ${data}/db\nview_index_dir = ${data}/db\nuri_file = ${data}/couchdb.uri\n"
                + "\n[log]\nfile = ${data}/couch.log\n\n[httpd]\nbind_address = 127.0.0.1\nport = ${port:\\d+}\n";
        FakeExecutable.named("couchdb")
                .on(Invocation.withArgs("-c").prints(etc + "/default.ini").prints(etc + "/local.ini")
                        .prints(etc + "/local.d/absent.ini").prints("").exits(0))
                .on(Invocation.withArgs("-n", "-a", etc + "/default.ini", "-a", etc + "/local.ini", "-a", "${data}/couchdb.cfg")
                        .file("${data}/couchdb.cfg", config)
                        .servesHttp("${port}", Route.get("/", 200, "{\"couchdb\":\"Welcome\",\"version\":\"1.6.1\"}"))
                        .prints("Apache CouchDB 1.6.1 (LogLevel=info) is starting.")
                        .prints("Apache CouchDB has started. Time to relax."))
                .writeInto(dir.resolve("bin"));
        return dir.resolve("bin");
    }
}
