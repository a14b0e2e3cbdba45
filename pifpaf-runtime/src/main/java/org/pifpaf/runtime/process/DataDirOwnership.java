package org.pifpaf.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.pifpaf.api.DriverException;
import org.pifpaf.runtime.system.UnixUser;

/** Hands a data directory to the unprivileged user a root-refusing daemon runs as. */
final class DataDirOwnership {

    private DataDirOwnership() {
    }

    /** Makes {@code user} own {@code dir} and everything in it (skipping what it owns already). */
    static void giveTo(Path dir, UnixUser user) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(file -> {
                try {
                    if (!Integer.valueOf(user.uid()).equals(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                        Files.setAttribute(file, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(file, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DriverException("cannot give " + dir + " to user '" + user.name() + "': " + e.getMessage(), e);
        }
    }
}
