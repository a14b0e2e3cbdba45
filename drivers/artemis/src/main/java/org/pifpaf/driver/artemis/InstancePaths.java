package org.pifpaf.driver.artemis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The absolute paths an Artemis instance holds of its own directory: {@code artemis create}
 * writes them into its scripts and profiles ({@code bin/artemis}, {@code etc/artemis.profile},
 * {@code etc/artemis-utility.profile}, {@code etc/bootstrap.xml}), as plain paths and as
 * {@code file:} URIs. A template must not hold them, since each start copies it elsewhere:
 * {@link #forget} puts placeholders in their place once the instance is created, and
 * {@link #settle} writes the directory the copy lies in.
 */
final class InstancePaths {

    private static final String PATH = "@PIFPAF_ARTEMIS_INSTANCE@";
    /** A URI's path is percent-encoded (a space is {@code %20}); URIs are told apart by their scheme. */
    private static final String URI_PATH = "file:@PIFPAF_ARTEMIS_INSTANCE_URI@";
    /** Where {@code artemis create} writes files that name the instance. */
    private static final List<String> DIRECTORIES = List.of("bin", "etc");

    private InstancePaths() {
    }

    /** Replaces {@code instance}'s own path by placeholders, in every file of its scripts and configuration. */
    static void forget(Path instance) throws IOException {
        replace(instance, uriPath(instance), URI_PATH, instance.toString(), PATH);
    }

    /** Writes {@code instance}'s path where {@link #forget} left placeholders. */
    static void settle(Path instance) throws IOException {
        replace(instance, URI_PATH, uriPath(instance), PATH, instance.toString());
    }

    /** {@code file:/tmp/a%20b/broker}, as Artemis writes it, without the trailing slash. */
    private static String uriPath(Path instance) {
        String path = instance.toAbsolutePath().toUri().getRawPath();
        return "file:" + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /** Replaces {@code first} then {@code second} in each text file that holds them; the URI goes first. */
    private static void replace(Path instance, String first, String firstBy, String second, String secondBy)
            throws IOException {
        for (String directory : DIRECTORIES) {
            try (Stream<Path> files = Files.list(instance.resolve(directory))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    String replaced = text.replace(first, firstBy).replace(second, secondBy);
                    if (!replaced.equals(text)) {
                        Files.writeString(file, replaced, StandardCharsets.UTF_8);
                    }
                }
            }
        }
    }
}
