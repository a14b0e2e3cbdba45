package org.pifpaf.driver.redis;

import org.pifpaf.api.Binary;
import org.pifpaf.api.Provision;

/** The {@code redis} driver: Redis's own binaries, {@code redis://} URLs, {@code PIFPAF_REDIS_*} variables. */
public final class RedisDriver extends RedisFamilyDriver {

    /**
     * embedded-redis on Maven Central: one jar holding a {@code redis-server} of Redis 6.2 per
     * OS and CPU; the sentinel is the same binary called {@code redis-sentinel}.
     */
    static final Provision EMBEDDED_REDIS = Provision.maven("com.github.codemonstur:embedded-redis")
            .platform("linux-amd64", "linux-amd64").platform("linux-arm64", "linux-arm64")
            .platform("darwin-amd64", "darwin-amd64").platform("darwin-arm64", "darwin-arm64")
            .artifactVersion("1.4.4", "6.2")
            .copyEntry("redis-server-*-{platform}", "bin/redis-server")
            .link("bin/redis-sentinel", "redis-server");

    /** Uses {@code redis-server} and {@code redis-sentinel}. */
    public RedisDriver() {
        super(new Flavour("redis", "Redis",
                Binary.named("redis-server").debian("redis-server").brew("redis")
                        .provisionedFrom(EMBEDDED_REDIS, "bin/redis-server"),
                Binary.named("redis-sentinel").debian("redis-sentinel").brew("redis")
                        .provisionedFrom(EMBEDDED_REDIS, "bin/redis-sentinel")));
    }
}
