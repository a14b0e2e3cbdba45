package org.pifpaf.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a client leaves in the server's directory for the server to take: its request
 * ({@code TAG.a}, {@code TAG.e}) and its reply FIFO ({@code TAG.r}). The server removes them when
 * it takes the request; those of a client that never got that far (a server killed meanwhile) are
 * swept when the next server starts.
 */
final class ClientFiles {

    private static final Pattern NAME = Pattern.compile("c\\.([0-9]{1,10})\\.[0-9]{1,12}\\.[aer]");

    private ClientFiles() {
    }

    /** Removes the files of {@code tag}. */
    static void remove(ServerDirectory directory, String tag) {
        for (char kind : new char[] {'a', 'e', 'r'}) {
            try {
                Files.deleteIfExists(directory.clientFile(tag, kind));
            } catch (IOException e) {
                // Swept by the next server.
            }
        }
    }

    /** Removes the files of clients that no longer run. */
    static void sweep(ServerDirectory directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.path())) {
            for (Path file : files.toList()) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessFacts.startTime(Long.parseLong(matcher.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
