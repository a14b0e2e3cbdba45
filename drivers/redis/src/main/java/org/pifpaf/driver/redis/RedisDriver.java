package org.pifpaf.driver.redis;

import org.pifpaf.api.Binary;

/** The {@code redis} driver: Redis's own binaries, {@code redis://} URLs, {@code PIFPAF_REDIS_*} variables. */
public final class RedisDriver extends RedisFamilyDriver {

    /** Uses {@code redis-server} and {@code redis-sentinel}. */
    public RedisDriver() {
        super(new Flavour("redis", "Redis",
                Binary.named("redis-server").debian("redis-server").brew("redis"),
                Binary.named("redis-sentinel").debian("redis-sentinel").brew("redis")));
    }
}
