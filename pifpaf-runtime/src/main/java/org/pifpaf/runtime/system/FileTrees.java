package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Removal of whole directory trees (data directories, cache entries). */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Removes {@code dir} and everything in it, without following symbolic links; a missing
     * {@code dir} is not an error.
     *
     * @throws IOException at the first entry that cannot be removed
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Removes a large tree (a database cluster: a thousand files) with {@code rm -rf}, which
     * takes about half the time of {@link #delete} in a JVM that has just started, its walk
     * still interpreted; {@link #delete} does what {@code rm} could not.
     *
     * @throws IOException at the first entry that cannot be removed
     */
    public static void deleteLarge(Path dir) throws IOException {
        try {
            SystemTools.run(Path.of("/"), List.of(SystemTools.RM, "-rf", "--", dir.toString()));
        } catch (IOException e) {
            // No rm, or it left something: the walk below does the rest, or says what it cannot.
        }
        delete(dir);
    }
}
