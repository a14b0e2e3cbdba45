package org.pifpaf.driver.redis;

import org.pifpaf.api.Binary;

/**
 * The {@code valkey} driver: the Redis driver with Valkey's binaries, {@code valkey://} URLs and
 * {@code PIFPAF_VALKEY_*} variables. Debian has Valkey in bookworm-backports and later.
 */
public final class ValkeyDriver extends RedisFamilyDriver {

    /** Uses {@code valkey-server} and {@code valkey-sentinel}. */
    public ValkeyDriver() {
        super(new Flavour("valkey", "Valkey",
                Binary.named("valkey-server").debian("valkey-server").brew("valkey"),
                Binary.named("valkey-sentinel").debian("valkey-sentinel").brew("valkey")));
    }
}
