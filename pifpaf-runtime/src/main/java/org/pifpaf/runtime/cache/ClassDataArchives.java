package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pifpaf.api.Command;
import org.pifpaf.runtime.system.RandomNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing archives of Java daemons ({@link Command#sharingClassData()}), kept in the
 * cache's {@value #DIRECTORY} directory, one per {@code java}, class path and main class. The first
 * start of a JVM records the classes it loads ({@code -XX:DumpLoadedClassList}) into its data
 * directory; after it stopped, the list is moved here and a {@code java -Xshare:dump} in the
 * background makes the archive from it; later starts map it ({@code -XX:SharedArchiveFile}).
 * The JVM checks an archive against its own version and the class path's jars, and quietly
 * starts without one it cannot use ({@code -Xshare:auto}): a stale archive costs time, never a
 * start.
 */
final class ClassDataArchives {

    /** The cache's directory of archives. */
    static final String DIRECTORY = "class-data";
    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** Makes the archive from a class list, then moves it into place: {@code $0 java classpath list archive}. */
    private static final String ARCHIVER = """
            tmp=$4.$$.tmp
            "$1" -Xshare:dump -XX:SharedClassListFile="$3" -XX:SharedArchiveFile="$tmp" -cp "$2" \
                && mv -f "$tmp" "$4"
            rm -f "$3" "$tmp"
            """;

    private final CacheRoot root;

    ClassDataArchives(CacheRoot root) {
        this.root = root;
    }

    /**
     * {@code command} with the options that use its archive, or that record its classes for one;
     * unchanged when it names no class path and main class, or the cache cannot be used.
     */
    ClassDataUse prepare(Command command, Path dataDir, boolean detached) {
        Optional<JvmLine> jvm = JvmLine.of(command.argv());
        if (jvm.isEmpty()) {
            return ClassDataUse.unchanged(command);
        }
        try {
            root.ensurePrivate();
            Path archives = Files.createDirectories(root.path().resolve(DIRECTORY));
            Path archive = archives.resolve(key(jvm.get()) + ".jsa");
            if (Files.isRegularFile(archive)) {
                markUsed(archive);
                return ClassDataUse.unchanged(insert(command, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
            }
            Path list = dataDir.resolve(command.label() + ".classlist");
            Command recording = insert(command, "-XX:DumpLoadedClassList=" + list);
            return new ClassDataUse(recording, () -> archiveLater(jvm.get(), list, archive, detached));
        } catch (IOException e) {
            LOG.debug("no class-data archive for {}: {}", command.label(), e.getMessage());
            return ClassDataUse.unchanged(command);
        }
    }

    /** Removes the archives unused since {@code cutoff} (their modification time marks their last use). */
    void pruneUnusedSince(Instant cutoff) {
        Path archives = root.path().resolve(DIRECTORY);
        try (var files = Files.newDirectoryStream(archives)) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not prune {}: {}", archives, e.getMessage());
        }
    }

    /** Hands the class list the stopped JVM left to a background archiver. */
    private void archiveLater(JvmLine jvm, Path list, Path archive, boolean detached) {
        try {
            if (Files.size(list) == 0 || Files.exists(archive)) {
                return;
            }
            // Out of the data directory, which is removed next (maybe on memory: not a rename).
            Path kept = archive.resolveSibling("." + RandomNames.next() + ".classlist");
            Files.move(list, kept);
            BackgroundWork.start(List.of("/bin/sh", "-c", ARCHIVER, "pifpaf-class-archiver",
                    jvm.java(), jvm.classpath(), kept.toString(), archive.toString()), detached);
        } catch (IOException e) {
            LOG.debug("no class-data archive made from {}: {}", list, e.getMessage());
        }
    }

    /** Modification time as last use, written at most once an hour (a write per start is not needed). */
    private static void markUsed(Path archive) throws IOException {
        Instant now = Instant.now();
        if (Files.getLastModifiedTime(archive).toInstant().isBefore(now.minus(Duration.ofHours(1)))) {
            Files.setLastModifiedTime(archive, FileTime.from(now));
        }
    }

    /**
     * The archive's name: a hash of the JVM (its real path, size and time), the main class and
     * each class-path entry with its size and time, so that an upgrade of either gets a new archive.
     */
    private static String key(JvmLine jvm) throws IOException {
        List<String> parts = new ArrayList<>(List.of(jvm.mainClass()));
        parts.add(describe(Path.of(jvm.java()).toRealPath()));
        for (String entry : jvm.classpath().split(":")) {
            parts.add(describe(Path.of(entry)));
        }
        // FNV-1a, as the cache's entries: a collision costs the JVM's own check of the class path.
        return HexFormat.of().toHexDigits(EntryKey.fnv1a(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
    }

    private static String describe(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return file + " absent";
        }
    }

    /** {@code command} with {@code options} right after its executable. */
    private static Command insert(Command command, String... options) {
        List<String> argv = command.argv();
        Command inserted = Command.of(Path.of(argv.get(0)), options).args(argv.subList(1, argv.size()))
                .stopSignal(command.stopSignal()).stopGracePeriod(command.stopGracePeriod()).label(command.label())
                .sharingClassData();
        for (var variable : command.environment().entrySet()) {
            inserted = inserted.env(variable.getKey(), variable.getValue());
        }
        if (command.stdin() != null) {
            inserted = inserted.stdin(command.stdin());
        }
        if (command.workingDirectory() != null) {
            inserted = inserted.workingDirectory(command.workingDirectory());
        }
        return command.unprivileged() ? inserted.asUnprivilegedUser() : inserted;
    }

    /** A {@code java} command line: the executable, the class path after {@code -cp}, and the main class after it. */
    record JvmLine(String java, String classpath, String mainClass) {

        static Optional<JvmLine> of(List<String> argv) {
            for (int i = 1; i + 2 < argv.size(); i++) {
                String option = argv.get(i);
                if (option.equals("-cp") || option.equals("-classpath") || option.equals("--class-path")) {
                    String mainClass = argv.get(i + 2);
                    return mainClass.startsWith("-") ? Optional.empty()
                            : Optional.of(new JvmLine(argv.get(0), argv.get(i + 1), mainClass));
                }
            }
            return Optional.empty();
        }
    }
}
