package org.pifpaf.distribution;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who runs pifpaf in a test: the current user, and, when that is root (CI, containers), also an
 * unprivileged user, so both paths are covered on one machine.
 */
enum Identity {
    CURRENT_USER(List.of(), Map.of()),
    UNPRIVILEGED_USER(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"),
            Map.of("HOME", "/tmp", "USER", "nobody", "LOGNAME", "nobody"));

    private final List<String> prefix;
    private final Map<String, String> environment;

    Identity(List<String> prefix, Map<String, String> environment) {
        this.prefix = prefix;
        this.environment = environment;
    }

    List<String> prefix() {
        return prefix;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The identities this machine can test: both when running as root. */
    static Stream<Identity> available() {
        return "root".equals(System.getProperty("user.name")) ? Stream.of(values()) : Stream.of(CURRENT_USER);
    }

    /** The least privileged identity available: as root the unprivileged user, else the current one. */
    static Identity leastPrivileged() {
        return available().reduce((first, second) -> second).orElseThrow();
    }
}
