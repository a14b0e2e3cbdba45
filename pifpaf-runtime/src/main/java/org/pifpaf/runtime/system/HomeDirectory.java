package org.pifpaf.runtime.system;

import java.nio.file.Path;

/**
 * The user's home directory, as the files pifpaf keeps there (configuration, cache) and a
 * {@code ~} in the configuration mean it: {@code $HOME}, as shells and other XDG-following tools
 * read it, else the password file's entry (Java's {@code user.home}).
 */
public final class HomeDirectory {

    private HomeDirectory() {
    }

    /** The home directory. */
    public static Path path() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
