package org.pifpaf.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an eval-mode supervisor tells the foreground pifpaf on its standard output: the
 * daemon's variables and its own pid then {@code READY}, or {@code FAILED <status>}.
 * Values are escaped so that one record stays on one line.
 */
final class Handshake {

    /** The outcome read by the foreground. @param status exit status (0 when ready) */
    record Outcome(int status, Map<String, String> variables, long supervisorPid) {
    }

    private Handshake() {
    }

    static void ready(PrintStream out, Map<String, String> variables, long pid) {
        variables.forEach((name, value) -> out.println("VAR " + name + "=" + escape(value)));
        out.println("PID " + pid);
        out.println("READY");
        out.flush();
    }

    static void failed(PrintStream out, int status) {
        out.println("FAILED " + status);
        out.flush();
    }

    /** Reads until the outcome; a supervisor that died without one failed with status 1. */
    static Outcome read(BufferedReader in) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        long pid = -1;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("VAR ")) {
                int equals = line.indexOf('=');
                variables.put(line.substring(4, equals), unescape(line.substring(equals + 1)));
            } else if (line.startsWith("PID ")) {
                pid = Long.parseLong(line.substring(4));
            } else if (line.equals("READY")) {
                return new Outcome(ExitCodes.OK, variables, pid);
            } else if (line.startsWith("FAILED ")) {
                return new Outcome(Integer.parseInt(line.substring(7)), Map.of(), pid);
            }
        }
        return new Outcome(ExitCodes.START_FAILED, Map.of(), pid);
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
