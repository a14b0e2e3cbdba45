package org.pifpaf.driver.keystone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pifpaf.api.DriverException;

/**
 * Where one Keystone keeps everything, all inside its data directory: {@code keystone.conf}, an
 * empty {@code keystone.conf.d}, and {@code state/} (the SQLite database and the key
 * repositories, which the template cache holds).
 *
 * <p>Keystone must never read {@code /etc/keystone}. The data directory is the processes'
 * {@code HOME}: oslo.config searches {@code ~/.keystone}, {@code ~} and only then
 * {@code /etc/keystone} for {@code keystone.conf} and {@code keystone.conf.d}, and stops at the
 * first found. That matters because Keystone's CORS and health-check middlewares parse the
 * default configuration files themselves, ignoring {@code --config-file}.
 */
final class KeystoneFiles {

    private final Path dataDir;

    KeystoneFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The data directory, also the processes' {@code HOME}. */
    Path home() {
        return dataDir;
    }

    Path config() {
        return dataDir.resolve("keystone.conf");
    }

    /** Empty; stands in for {@code /etc/keystone/keystone.conf.d}. */
    Path configDir() {
        return dataDir.resolve("keystone.conf.d");
    }

    /** The template's target: {@code sqlite.db}, {@code fernet-keys/}, {@code credential-keys/}. */
    Path state() {
        return dataDir.resolve("state");
    }

    Path fernetKeys() {
        return state().resolve("fernet-keys");
    }

    Path credentialKeys() {
        return state().resolve("credential-keys");
    }

    /** The arguments every Keystone command gets: this configuration and nothing else. */
    List<String> configArgs() {
        return List.of("--config-file", config().toString(), "--config-dir", configDir().toString());
    }

    /** Writes {@code keystone.conf} and the empty configuration directory. */
    void write() throws IOException {
        Files.createDirectory(configDir());
        Files.writeString(config(), """
                # One throw-away Keystone, written by pifpaf; removed when it stops.
                [database]
                connection = sqlite:///%s
                # The database is thrown away: no fsync at every commit.
                sqlite_synchronous = false

                [fernet_tokens]
                key_repository = %s

                [fernet_receipts]
                key_repository = %s

                [credential]
                key_repository = %s

                [identity]
                # bcrypt's lowest cost: hashing the password at bootstrap and checking it at
                # every authentication is then instant, which a test password does not mind.
                password_hash_rounds = 4

                [oslo_policy]
                # No such file: Keystone's built-in rules. No policy directories either, as
                # the default policy.d would be searched for in /etc/keystone.
                policy_file = %s
                policy_dirs =
                """.formatted(sqlitePath(state().resolve("sqlite.db")), value(fernetKeys()),
                value(fernetKeys()), value(credentialKeys()), value(dataDir.resolve("policy.yaml"))));
    }

    /** A path as an oslo.config value: {@code $} starts a substitution, so it is doubled. */
    private static String value(Path path) {
        String text = path.toString();
        if (text.contains("\n") || text.contains("\r")) {
            throw new DriverException("Keystone cannot use a data directory whose path has a line break: " + text);
        }
        return text.replace("$", "$$");
    }

    /** A path as the database part of an SQLAlchemy URL, where {@code ?} would start the query. */
    private static String sqlitePath(Path path) {
        if (path.toString().contains("?")) {
            throw new DriverException("Keystone cannot use a data directory whose path has a '?': " + path);
        }
        return value(path);
    }
}
