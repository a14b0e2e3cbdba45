package org.pifpaf.runtime.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.system.FileTrees;

class TemplateCacheTest {

    @TempDir
    Path tmp;

    private final AtomicInteger creations = new AtomicInteger();

    /** A template whose creator counts its runs and writes a small tree, one file private. */
    private Template counted(String... key) {
        return Template.named("tree").keyedBy(key).createdBy(dir -> {
            creations.incrementAndGet();
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/data"), "made by the creator");
            Files.writeString(dir.resolve("private"), "secret");
            Files.setPosixFilePermissions(dir.resolve("private"), PosixFilePermissions.fromString("rw-------"));
        });
    }

    private TemplateCache cache() {
        return new TemplateCache(tmp.resolve("cache"));
    }

    /** A start: the tree, then (the daemon being ready) the spares. */
    private Path create(TemplateCache cache, Template template) throws Exception {
        Path target = Files.createTempDirectory(tmp, "data").resolve("tree");
        cache.create("test", template, "someone", target);
        cache.makeSpares(false);
        return target;
    }

    @Test
    void theCreatorRunsOnceAndLaterStartsGetAnIdenticalCopy() throws Exception {
        TemplateCache cache = cache();
        Path first = create(cache, counted("a"));
        Path second = create(cache, counted("a"));

        assertEquals(1, creations.get());
        assertEquals("made by the creator", Files.readString(second.resolve("sub/data")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.resolve("private"))));
        assertEquals(TreeManifest.of(first), TreeManifest.of(second));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.root())));
        try (Stream<Path> entries = Files.list(cache.root())) {
            // One entry and its lock file: no staging directory is left behind.
            assertEquals(2, entries.count());
        }
    }

    @Test
    void anotherKeyIsAnotherEntry() throws Exception {
        TemplateCache cache = cache();
        create(cache, counted("a"));
        create(cache, counted("b"));
        create(cache, counted("a", "b"));
        assertEquals(3, creations.get());
        create(cache, counted("b"));
        assertEquals(3, creations.get());
    }

    @Test
    void aChangedBinaryIsANewEntry() throws Exception {
        TemplateCache cache = cache();
        Path binary = Files.writeString(tmp.resolve("initdb"), "#!/bin/sh\n");
        create(cache, counted().keyedByBinary(binary));
        create(cache, counted().keyedByBinary(binary));
        assertEquals(1, creations.get());

        Files.setLastModifiedTime(binary, FileTime.fromMillis(Files.getLastModifiedTime(binary).toMillis() + 60_000));
        create(cache, counted().keyedByBinary(binary));
        assertEquals(2, creations.get());
    }

    @Test
    void aDamagedEntryIsDetectedAndBuiltAgain() throws Exception {
        TemplateCache cache = cache();
        create(cache, counted("a"));
        Path tree = onlyEntry(cache).resolve("tree");

        Files.writeString(tree.resolve("sub/data"), "trunc"); // a truncated file
        Path copy = create(cache, counted("a"));
        assertEquals(2, creations.get());
        assertEquals("made by the creator", Files.readString(copy.resolve("sub/data")));

        Files.delete(onlyEntry(cache).resolve("tree/private")); // a lost file
        create(cache, counted("a"));
        assertEquals(3, creations.get());

        Files.writeString(onlyEntry(cache).resolve("tree/planted"), "x"); // an added file
        copy = create(cache, counted("a"));
        assertEquals(4, creations.get());
        assertFalse(Files.exists(copy.resolve("planted")), "the copy of the damaged entry was not removed");

        Files.delete(onlyEntry(cache).resolve("manifest")); // an entry left half made
        create(cache, counted("a"));
        assertEquals(5, creations.get());
        create(cache, counted("a"));
        assertEquals(5, creations.get());
    }

    @Test
    void anEntryMadeForAnotherKeyIsNeverCopied() throws Exception {
        // Two keys whose hashes collide share a directory name: the stored key text tells them apart.
        TemplateCache cache = cache();
        create(cache, counted("a"));
        Path entry = onlyEntry(cache);
        assertTrue(entry.getFileName().toString().matches("test-tree-[0-9a-f]{16}"), entry.toString());
        String key = Files.readString(entry.resolve("key"));
        assertTrue(key.contains("part 1:a\n"), key);
        Files.writeString(entry.resolve("key"), key.replace("part 1:a\n", "part 1:b\n"));
        Files.writeString(entry.resolve("tree/sub/data"), "made for other key!"); // same size: the manifest still matches

        Path copy = create(cache, counted("a"));
        assertEquals(2, creations.get());
        assertEquals("made by the creator", Files.readString(copy.resolve("sub/data")));
        assertEquals(key, Files.readString(onlyEntry(cache).resolve("key")));
        create(cache, counted("a"));
        assertEquals(2, creations.get());
    }

    @Test
    void entriesUnusedForLongAreRemovedWhenANewOneIsMade() throws Exception {
        TemplateCache cache = cache();
        create(cache, counted("old"));
        create(cache, counted("recent"));
        Path old = entryWith(cache, counted("old"));
        Path recent = entryWith(cache, counted("recent"));
        Instant longAgo = Instant.now().minus(TemplateCache.UNUSED_LIFETIME).minus(Duration.ofDays(1));
        Files.setLastModifiedTime(old.resolve("manifest"), FileTime.from(longAgo));

        create(cache, counted("recent")); // a copy prunes nothing
        assertTrue(Files.isDirectory(old));
        create(cache, counted("new"));
        assertFalse(Files.exists(old), "unused for longer than the lifetime");
        assertTrue(Files.isDirectory(recent));
        create(cache, counted("old"));
        assertEquals(4, creations.get());
    }

    @Test
    void concurrentStartsCreateOnceAndAllGetTheTree() throws Exception {
        TemplateCache cache = cache();
        Template slow = Template.named("tree").keyedBy("slow").createdBy(dir -> {
            creations.incrementAndGet();
            Thread.sleep(200); // long enough for the others to queue up behind the lock
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("data"), "once");
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit((Callable<Path>) () -> create(cache, slow)));
            }
            for (Future<Path> result : results) {
                assertEquals("once", Files.readString(result.get().resolve("data")));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, creations.get());
    }

    @Test
    void aFailingCreatorCachesNothingAndTheNextStartTriesAgain() throws Exception {
        TemplateCache cache = cache();
        IOException failure = new IOException("initdb failed");
        Template failing = Template.named("tree").keyedBy("a").createdBy(dir -> {
            creations.incrementAndGet();
            throw failure;
        });
        assertSame(failure, assertThrows(IOException.class, () -> create(cache, failing)));
        create(cache, counted("a"));
        assertEquals(2, creations.get());
        create(cache, counted("a"));
        assertEquals(2, creations.get());
    }

    @Test
    void aCacheDirectoryOthersCanWriteToIsNotUsed() throws Exception {
        // Someone else could plant a template there, which would become a daemon's configuration.
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        TemplateCache cache = new TemplateCache(shared);
        Path first = create(cache, counted("a"));
        create(cache, counted("a"));
        assertEquals(2, creations.get());
        assertTrue(Files.isRegularFile(first.resolve("sub/data")));
        try (Stream<Path> entries = Files.list(shared)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void anUnwritableCacheDirectoryOnlyCostsTheCreation() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "");
        TemplateCache cache = new TemplateCache(file.resolve("cache"));
        Path target = create(cache, counted("a"));
        assertEquals(1, creations.get());
        assertTrue(Files.isRegularFile(target.resolve("sub/data")));
        assertFalse(Files.exists(file.resolve("cache")));
    }

    @Test
    void aSpareIsKeptNextToTheEntryAndTheNextStartTakesItFresh() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        Path first = Files.createTempDirectory(tmp, "data").resolve("tree");
        cache.create("test", counted("a"), "someone", first);
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        Path spare = SpareCopies.spareOf(onlyEntry(cache));
        assertFalse(Files.exists(spare), "a spare before the daemon was up");
        // An entry made long ago still gives spares young enough to be taken.
        Files.setLastModifiedTime(onlyEntry(cache).resolve("tree"), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        cache.makeSpares(false);
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertTrue(Files.isDirectory(spare), "no spare after the first start");
        Files.writeString(first.resolve("sub/data"), "written by a start");
        Files.writeString(first.resolve("added"), "by a start");

        Object spareTree = fileKey(spare);
        Path second = create(cache, counted("a"));
        assertEquals(spareTree, fileKey(second), "the spare was not taken");
        assertEquals("made by the creator", Files.readString(second.resolve("sub/data")));
        assertFalse(Files.exists(second.resolve("added")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.resolve("private"))));
        assertEquals(1, creations.get());

        Files.writeString(second.resolve("added"), "by a start");
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertTrue(Files.isDirectory(spare), "no new spare");
        assertFalse(Files.exists(spare.resolve("added")));
        assertEquals(List.of(), holders(cache), "a holder left behind");
    }

    @Test
    void thereAreNoSparesAcrossFileSystems() throws Exception {
        Path memory = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(memory)
                && Files.getFileStore(memory).type().equals("tmpfs")
                && !Files.getFileStore(memory).equals(Files.getFileStore(tmp)), "no tmpfs /dev/shm apart from the disk here");
        Path dataParent = Files.createTempDirectory(memory, "pifpaf-test-data-");
        try {
            TemplateCache cache = new TemplateCache(tmp.resolve("cache"), dataParent);
            cache.create("test", counted("a"), "someone", Files.createTempDirectory(dataParent, "data").resolve("tree"));
            cache.makeSpares(false);
            assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
            try (Stream<Path> entries = Files.list(dataParent)) {
                assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().startsWith("pifpaf-spares-")).toList());
            }
            assertFalse(Files.exists(SpareCopies.spareOf(onlyEntry(cache))), "a spare that no start could rename into place");
        } finally {
            org.pifpaf.runtime.system.FileTrees.delete(dataParent);
        }
    }

    @Test
    void anOldSpareIsReplacedNotTaken() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        create(cache, counted("a"));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        Path spare = SpareCopies.spareOf(onlyEntry(cache));
        Files.delete(spare.resolve("sub/data")); // what a temporary-file cleaner might do
        Files.setLastModifiedTime(spare, FileTime.from(Instant.now().minus(SpareCopies.MAX_AGE).minusSeconds(60)));

        Path next = create(cache, counted("a"));
        assertEquals("made by the creator", Files.readString(next.resolve("sub/data")));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertTrue(Files.isRegularFile(spare.resolve("sub/data")), "the old spare was not replaced");
    }

    @Test
    void aDamagedEntryMakesNoSpareAndIsRebuiltAtTheNextCopy() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        create(cache, counted("a"));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        Path entry = onlyEntry(cache);
        Files.delete(entry.resolve("tree/sub/data")); // the entry no longer matches its manifest

        Path second = create(cache, counted("a")); // takes the spare, checked when it was made
        assertEquals("made by the creator", Files.readString(second.resolve("sub/data")));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertFalse(Files.exists(SpareCopies.spareOf(entry)), "a spare copied from a damaged entry");
        assertEquals(List.of(), holders(cache));

        Path third = create(cache, counted("a"));
        assertEquals(2, creations.get(), "the damaged entry was not rebuilt");
        assertEquals("made by the creator", Files.readString(third.resolve("sub/data")));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
    }

    @Test
    void aDetachedCopierMakesTheSpareOnItsOwn() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        Path target = Files.createTempDirectory(tmp, "data").resolve("tree");
        cache.create("test", counted("a"), "someone", target);
        cache.makeSpares(true);
        assertTrue(BackgroundWork.await(Duration.ZERO), "a detached copier is not this JVM's to wait for");
        Path spare = SpareCopies.spareOf(onlyEntry(cache));
        awaitUntil(() -> Files.isDirectory(spare) && holders(cache).isEmpty());
        assertEquals(TreeManifest.of(onlyEntry(cache).resolve("tree")), TreeManifest.of(spare));
    }

    @Test
    void oneCopierAtATimePerEntry() throws Exception {
        Path entry = entryWithoutSpare();
        // A live copier's holder: its pid file names this JVM.
        Path holder = holderWithPid(entry, ProcessHandle.current().pid());
        SpareCopies.replenish(entry, false);
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertFalse(Files.exists(SpareCopies.spareOf(entry)), "a second copier started");
        assertTrue(Files.isDirectory(holder));
    }

    @Test
    void theHolderOfAKilledCopierIsReplaced() throws Exception {
        Path entry = entryWithoutSpare();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path holder = holderWithPid(entry, gone.pid());
        Files.createDirectory(holder.resolve("tree")); // half copied
        SpareCopies.replenish(entry, false);
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertTrue(Files.isRegularFile(SpareCopies.spareOf(entry).resolve("sub/data")), "no spare after a killed copier");
        assertFalse(Files.exists(holder), "a holder left behind");

        // A holder without a pid file counts as just made, for a while only.
        Files.createDirectory(holder);
        assertTrue(SpareCopies.copierAlive(holder));
        Files.setLastModifiedTime(holder, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        assertFalse(SpareCopies.copierAlive(holder));
        // And any holder older than a copy can take is abandoned, whatever its pid file says.
        Files.writeString(holder.resolve("pid"), ProcessHandle.current().pid() + "\n");
        assertTrue(SpareCopies.copierAlive(holder));
        Files.setLastModifiedTime(holder, FileTime.from(Instant.now().minus(SpareCopies.COPY_LIFETIME).minusSeconds(1)));
        assertFalse(SpareCopies.copierAlive(holder));
    }

    @Test
    void aUsedTreeIsRemovedInTheBackgroundFromTheCache() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        Path used = create(cache, counted("a"));
        Files.writeString(used.resolve("written by the daemon"), "x");
        cache.dispose(used, false);
        assertFalse(Files.exists(used));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        try (Stream<Path> entries = Files.list(cache.root())) {
            assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().startsWith(".removed-")).toList());
        }

        // Without spares (another file system, say), it is removed at once.
        TemplateCache elsewhere = cache();
        Path other = create(elsewhere, counted("b"));
        elsewhere.dispose(other, false);
        assertFalse(Files.exists(other));
    }

    @Test
    void sparesNeedTheDataDirectoriesOnTheCachesFileSystem() throws Exception {
        assertTrue(SpareCopies.usable(tmp, tmp));
        assertFalse(SpareCopies.usable(tmp, Path.of("/proc")));
        assertFalse(SpareCopies.usable(tmp, tmp.resolve("missing")));
    }

    @Test
    void aCacheWithoutDataDirectoriesKeepsNoSpare() throws Exception {
        TemplateCache cache = cache();
        for (int i = 0; i < 2; i++) {
            create(cache, counted("a"));
        }
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        assertFalse(Files.exists(SpareCopies.spareOf(onlyEntry(cache))));
    }

    /** A cache entry, its spare made and then removed. */
    private Path entryWithoutSpare() throws Exception {
        TemplateCache cache = new TemplateCache(tmp.resolve("cache"), tmp);
        create(cache, counted("a"));
        assertTrue(BackgroundWork.await(Duration.ofSeconds(30)));
        Path entry = onlyEntry(cache);
        FileTrees.delete(SpareCopies.spareOf(entry));
        return entry;
    }

    /** The holder of a copier of {@code entry} whose pid is {@code pid}. */
    private static Path holderWithPid(Path entry, long pid) throws IOException {
        Path holder = Files.createDirectory(SpareCopies.holderOf(entry));
        Files.writeString(holder.resolve("pid"), pid + "\n");
        return holder;
    }

    private static void awaitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(10);
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static List<Path> holders(TemplateCache cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache.root())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(SpareCopies.HOLDER_PREFIX)).toList();
        }
    }

    /** The entry directory a template uses: the one that appears when only it is created. */
    private Path entryWith(TemplateCache cache, Template template) throws Exception {
        TemplateCache alone = new TemplateCache(Files.createTempDirectory(tmp, "alone").resolve("c"));
        create(alone, template);
        creations.decrementAndGet();
        return cache.root().resolve(onlyEntry(alone).getFileName());
    }

    private static Path onlyEntry(TemplateCache cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache.root())) {
            List<Path> dirs = entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().endsWith(".spare"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }
}
