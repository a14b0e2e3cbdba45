package org.pifpaf.runtime.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory of provisioned trees on its own (no resolver): entries unused for 60 days are
 * pruned when a new one is made, recent, just used or locked ones are kept, and a tree is
 * read-only once made.
 */
class ProvisionedTreesTest {

    @TempDir
    Path scratch;

    @Test
    void entriesUnusedForSixtyDaysArePrunedWhenANewOneIsMadeOthersKept() throws IOException {
        ProvisionedTrees trees = new ProvisionedTrees(open(scratch).resolve("trees"));
        Path old = make(trees, "old-1");
        Path recent = make(trees, "recent-1");
        Path reused = make(trees, "reused-1");
        Path locked = make(trees, "locked-1");
        usedAgo(old, Duration.ofDays(61));
        usedAgo(recent, Duration.ofDays(59));
        usedAgo(reused, Duration.ofDays(61));
        usedAgo(locked, Duration.ofDays(61));
        Path abandoned = Files.createDirectory(trees.root().resolve(".staging-killed-1-abc"));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path underWay = Files.createDirectory(trees.root().resolve(".staging-other-1-def"));

        assertEquals(reused, trees.find("reused-1", "key of reused-1").orElseThrow(), "found, so used now");
        try (StoreLock inUse = trees.lock("locked-1")) {
            make(trees, "new-1");
        }

        assertEquals(List.of(".staging-other-1-def", "locked-1", "new-1", "recent-1", "reused-1"), entries(trees));
        assertTrue(Files.isDirectory(underWay));
    }

    @Test
    void aTreeIsReadOnlyForItsOwnerAndReadableAndRunnableByEveryone() throws IOException {
        Path outside = Files.writeString(scratch.resolve("outside"), "not part of the tree");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-rw-r--"));
        Path tree = scratch.resolve("tree");
        Files.createDirectories(tree.resolve("lib/deep"));
        Path data = Files.writeString(tree.resolve("lib/deep/data"), "data");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r-----"));
        Path program = Files.writeString(tree.resolve("lib/program"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(tree.resolve("link"), outside);

        TreePermissions.makeReadOnly(tree);

        assertEquals("r-xr-xr-x", mode(tree));
        assertEquals("r-xr-xr-x", mode(tree.resolve("lib")));
        assertEquals("r-xr-xr-x", mode(tree.resolve("lib/deep")));
        assertEquals("r--r--r--", mode(data));
        assertEquals("r-xr-xr-x", mode(program));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("rw-rw-r--", mode(outside), "a link's target is left alone");

        TreePermissions.makeRemovable(tree);
        assertEquals("rwxr-xr-x", mode(tree.resolve("lib/deep")), "its owner may remove it again");
        assertEquals("r--r--r--", mode(data));
    }

    /** Makes entry {@code name} holding one file, as a provisioner would. */
    private static Path make(ProvisionedTrees trees, String name) throws IOException {
        return trees.findOrCreate(name, "key of " + name, tree -> Files.writeString(tree.resolve("file"), name));
    }

    private static void usedAgo(Path tree, Duration ago) throws IOException {
        Files.setLastModifiedTime(tree.resolveSibling("manifest"), FileTime.from(Instant.now().minus(ago)));
    }

    private static List<String> entries(ProvisionedTrees trees) throws IOException {
        try (Stream<Path> entries = Files.list(trees.root())) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** As root, the trees' parents must be open to everyone (the daemons run as nobody). */
    static Path open(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
