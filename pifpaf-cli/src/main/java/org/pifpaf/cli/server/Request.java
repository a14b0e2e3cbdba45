package org.pifpaf.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.runtime.Environment;

/**
 * What a client asks: its command line and the setting it runs in, as the launcher wrote them
 * (NUL-separated: they hold any byte but NUL, as arguments and variables do). {@code TAG.a}: the
 * protocol's version, the working directory, which of standard input, output and error are
 * terminals ({@code 012} for all three), then the arguments; {@code TAG.e}: the environment,
 * {@code NAME=VALUE} each ({@code env -0}).
 *
 * @param tag              the client's tag ({@code c.PID.RANDOM})
 * @param clientPid        the launcher's pid: the process the user knows as pifpaf
 * @param workingDirectory where the client runs
 * @param stdoutTerminal   whether its standard output is a terminal
 * @param stderrTerminal   whether its standard error is a terminal
 * @param args             the arguments given to {@code pifpaf}
 * @param environment      its environment
 */
public record Request(String tag, long clientPid, Path workingDirectory, boolean stdoutTerminal,
                      boolean stderrTerminal, List<String> args, Environment environment) {

    /** The version the launcher's client writes first: a client of another protocol is sent to the JVM. */
    static final String VERSION = "pifpaf-client-1";

    /**
     * Reads {@code tag}'s files from {@code directory} and removes them.
     *
     * @throws IOException when they cannot be read, or are not of this protocol
     */
    static Request read(ServerDirectory directory, String tag, long clientPid) throws IOException {
        Path argsFile = directory.clientFile(tag, 'a');
        Path environmentFile = directory.clientFile(tag, 'e');
        try {
            List<String> fields = fields(argsFile);
            if (fields.size() < 3 || !fields.get(0).equals(VERSION)) {
                throw new IOException("not a request of " + VERSION);
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (String entry : fields(environmentFile)) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    variables.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            String terminals = fields.get(2);
            return new Request(tag, clientPid, Path.of(fields.get(1)), terminals.contains("1"), terminals.contains("2"),
                    List.copyOf(fields.subList(3, fields.size())), Environment.of(variables));
        } catch (RuntimeException e) {
            throw new IOException("a malformed request: " + e, e);
        } finally {
            Files.deleteIfExists(argsFile);
            Files.deleteIfExists(environmentFile);
        }
    }

    private static List<String> fields(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\0'); end >= 0; end = text.indexOf('\0', start)) {
            fields.add(text.substring(start, end));
            start = end + 1;
        }
        return fields;
    }
}
