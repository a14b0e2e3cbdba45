package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Modes of provisioned trees: once unpacked, a tree is never written to again, and every user
 * may read it and run its programs (as root, daemons that refuse root run as {@code nobody}
 * from it). Only its removal makes it writable again, for its owner.
 */
final class TreePermissions {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("r--r--r--");

    private TreePermissions() {
    }

    /** Directories and executables {@code r-xr-xr-x}, other files {@code r--r--r--}; links are left alone. */
    static void makeReadOnly(Path tree) throws IOException {
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    boolean executable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(file, executable ? EXECUTABLE : FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.setPosixFilePermissions(dir, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Gives the owner write permission on every directory again, so that the tree can be removed. */
    static void makeRemovable(Path tree) throws IOException {
        if (!Files.isDirectory(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                permissions.add(PosixFilePermission.OWNER_WRITE);
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
                permissions.add(PosixFilePermission.OWNER_READ);
                Files.setPosixFilePermissions(dir, permissions);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
