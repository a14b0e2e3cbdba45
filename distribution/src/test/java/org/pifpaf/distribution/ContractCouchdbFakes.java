package org.pifpaf.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pifpaf.testkit.contract.FakeExecutable;
import org.pifpaf.testkit.contract.Invocation;
import org.pifpaf.testkit.contract.Route;

/**
 * ContractDriversIT's fake CouchDB installations: a CouchDB 3 release ({@code couchdb3/bin},
 * with its ERTS's {@code epmd}) and a CouchDB 1.x ({@code couchdb1/bin}), holding the driver to
 * the same files and arguments as its own contract test.
 */
final class ContractCouchdbFakes {

    private ContractCouchdbFakes() {
    }

    static void write(Path shared, String classpath) throws IOException {
        Path root = Files.createDirectories(shared.resolve("couchdb3")).toRealPath();
        Files.createDirectories(root.resolve("releases"));
        Files.writeString(root.resolve("releases/start_erl.data"), "12.3.2.17 3.3.3\n");
        Files.createDirectories(root.resolve("etc/default.d"));
        Files.writeString(root.resolve("etc/default.ini"), "[chttpd]\nport = 5984\n");
        FakeExecutable.named("epmd").classpath(classpath)
                .on(Invocation.withArgs("-port", "${epmd:\\d+}", "-address", "127.0.0.1").listens("${epmd}"))
                .writeInto(root.resolve("erts-12.3.2.17/bin"));
        String localIni = "; Written by pifpaf: a single node of its own, on 127.0.0.1 only.\n"
                + "[couchdb]\ndatabase_dir = ${data}/db\nview_index_dir = ${data}/db\nuri_file = ${data}/couchdb.uri\n"
                + "single_node = true\n\n[cluster]\nn = 1\n\n[chttpd]\nbind_address = 127.0.0.1\nport = ${port:\\d+}\n"
                + "\n[httpd]\nbind_address = 127.0.0.1\nport = ${nodeLocal:\\d+}\n\n[log]\nwriter = stderr\nlevel = info\n"
                + "\n[admins]\npifpaf = ${password:[0-9a-f]{32}}\n";
        String vmArgs = "# Written by pifpaf: a node of its own, reachable from this machine only.\n"
                + "-name pifpaf-${port}@127.0.0.1\n-setcookie ${cookie:[0-9a-f]{32}}\n-start_epmd false\n"
                + "-kernel inet_dist_use_interface {127,0,0,1}\n-kernel inet_dist_listen_min ${dist:\\d+}\n"
                + "-kernel inet_dist_listen_max ${dist}\n-kernel error_logger silent\n-sasl sasl_error_logger false\n"
                + "+Bd -noinput\n";
        FakeExecutable.named("couchdb").classpath(classpath)
                .on(Invocation.withArgs("-couch_ini", root + "/etc/default.ini", root + "/etc/default.d", "${data}/local.ini")
                        .env("COUCHDB_ARGS_FILE", "${data}/vm.args")
                        .env("COUCHDB_INI_FILES", "")
                        .env("ERL_EPMD_PORT", "${epmd:\\d+}")
                        .file("${data}/local.ini", localIni)
                        .file("${data}/vm.args", vmArgs)
                        .servesHttp("${port}", Route.get("/", 200, "{\"couchdb\":\"Welcome\",\"version\":\"3.3.3\"}"),
                                Route.get("/_all_dbs", 200, "[\"_replicator\",\"_users\"]").withBasicAuth("pifpaf", "${password}")))
                .writeInto(root.resolve("bin"));

        Path etc = Files.createDirectories(shared.resolve("couchdb1/etc")).toRealPath();
        Files.writeString(etc.resolve("default.ini"), "[httpd]\nport = 5984\n");
        FakeExecutable.named("couchdb").classpath(classpath)
                .on(Invocation.withArgs("-c").prints(etc + "/default.ini").prints(etc + "/local.ini").exits(0))
                .on(Invocation.withArgs("-n", "-a", etc + "/default.ini", "-a", "${data}/couchdb.cfg")
                        .file("${data}/couchdb.cfg", "[couchdb]\ndatabase_dir = ${data}/db\nview_index_dir = ${data}/db\n"
                                + "uri_file = ${data}/couchdb.uri\n\n[log]\nfile = ${data}/couch.log\n\n[httpd]\n"
                                + "bind_address = 127.0.0.1\nport = ${port:\\d+}\n")
                        .servesHttp("${port}", Route.get("/", 200, "{\"couchdb\":\"Welcome\",\"version\":\"1.6.1\"}"))
                        .prints("Apache CouchDB has started. Time to relax."))
                .writeInto(shared.resolve("couchdb1/bin"));
    }
}
