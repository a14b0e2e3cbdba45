package org.pifpaf.driver.redis;

import org.pifpaf.api.Binary;

/**
 * The {@code valkey} driver: the Redis driver with Valkey's binaries, {@code valkey://} URLs and
 * {@code PIFPAF_VALKEY_*} variables. Debian has Valkey in bookworm-backports and later.
 */
public final class ValkeyDriver extends RedisFamilyDriver {

    /** Uses {@code valkey-server} and {@code valkey-sentinel}. */
    public ValkeyDriver() {
        super(new Flavour("valkey", "Valkey", fromBackports("valkey-server"), fromBackports("valkey-sentinel")));
    }

    /** Debian 13 has the package in main, Debian 12 only in bookworm-backports. */
    static Binary fromBackports(String name) {
        return Binary.named(name).brew("valkey").orInstall("'apt-get install " + name
                + "' (on Debian 12 from bookworm-backports: 'apt-get install -t bookworm-backports " + name + "')");
    }
}
