package org.pifpaf.driver.couchdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.api.DriverException;

/**
 * A CouchDB 2 or later installation: an Erlang release, whose {@code bin/couchdb} lies beside
 * {@code releases/start_erl.data} ("ERTS version, release version"), {@code erts-<version>} and
 * {@code etc/}; and the files pifpaf hands such a node.
 *
 * @param root        the release's directory (e.g. {@code /opt/couchdb})
 * @param ertsVersion the version of the Erlang runtime it carries
 */
record CouchdbRelease(Path root, String ertsVersion) {

    /** The admin user that CouchDB 3 requires and pifpaf creates. */
    static final String ADMIN = "pifpaf";

    /**
     * The release {@code couchdb} belongs to (its real path's {@code ../releases/start_erl.data}),
     * or empty for a CouchDB 1.x script. A script that runs a release found nowhere near it is
     * refused rather than taken for 1.x, whose {@code couchdb -c} would start it.
     */
    static Optional<CouchdbRelease> of(Path couchdb) throws IOException {
        Path real = couchdb.toRealPath();
        Path root = real.getParent().getParent();
        Path startErl = root == null ? null : root.resolve("releases/start_erl.data");
        if (startErl != null && Files.isRegularFile(startErl)) {
            String[] versions = Files.readString(startErl).trim().split("\\s+");
            return Optional.of(new CouchdbRelease(root, versions[0]));
        }
        String script;
        try (InputStream in = Files.newInputStream(real)) {
            script = new String(in.readNBytes(65_536), StandardCharsets.ISO_8859_1);
        }
        if (script.contains("start_erl.data") || script.contains("erlexec")) {
            throw new DriverException(couchdb + " runs CouchDB 2 or later, but no release (releases/start_erl.data)"
                    + " lies next to " + real);
        }
        return Optional.empty();
    }

    /** The release's own {@code epmd}, which pifpaf starts for the node. */
    Path epmd() {
        Path epmd = root.resolve("erts-" + ertsVersion).resolve("bin/epmd");
        if (!Files.isExecutable(epmd)) {
            throw new DriverException("no epmd in " + epmd.getParent() + " (releases/start_erl.data names ERTS "
                    + ertsVersion + ")");
        }
        return epmd;
    }

    /**
     * The configuration chain: the release's defaults, then the daemon's own file, last, where
     * CouchDB also writes what it changes (the hashed password, generated secrets).
     */
    List<String> iniFiles(Path localIni) {
        List<String> files = new ArrayList<>(List.of(root.resolve("etc/default.ini").toString()));
        if (Files.isDirectory(root.resolve("etc/default.d"))) {
            files.add(root.resolve("etc/default.d").toString());
        }
        files.add(localIni.toString());
        return files;
    }

    /** The node's own settings: everything in {@code dataDir}, on 127.0.0.1 only, one node, an admin. */
    static String localIni(Path dataDir, int port, int nodeLocalPort, String password) {
        return "; Written by pifpaf: a single node of its own, on 127.0.0.1 only.\n"
                + "[couchdb]\n"
                + "database_dir = " + dataDir.resolve("db") + "\n"
                + "view_index_dir = " + dataDir.resolve("db") + "\n"
                + "uri_file = " + dataDir.resolve("couchdb.uri") + "\n"
                + "single_node = true\n"
                + "\n[cluster]\nn = 1\n"
                + "\n[chttpd]\nbind_address = 127.0.0.1\nport = " + port + "\n"
                // CouchDB 2's node-local interface (5986 by default); later ones have none.
                + "\n[httpd]\nbind_address = 127.0.0.1\nport = " + nodeLocalPort + "\n"
                + "\n[log]\nwriter = stderr\nlevel = info\n"
                + "\n[admins]\n" + ADMIN + " = " + password + "\n";
    }

    /**
     * The Erlang node's arguments: a name of its own, a secret cookie, distribution on 127.0.0.1
     * at one free port, and the epmd pifpaf started (never one Erlang would start and leave
     * running).
     */
    static String vmArgs(int port, String cookie, int distributionPort) {
        return "# Written by pifpaf: a node of its own, reachable from this machine only.\n"
                + "-name pifpaf-" + port + "@127.0.0.1\n"
                + "-setcookie " + cookie + "\n"
                + "-start_epmd false\n"
                + "-kernel inet_dist_use_interface {127,0,0,1}\n"
                + "-kernel inet_dist_listen_min " + distributionPort + "\n"
                + "-kernel inet_dist_listen_max " + distributionPort + "\n"
                + "-kernel error_logger silent\n"
                + "-sasl sasl_error_logger false\n"
                + "+Bd -noinput\n";
    }
}
