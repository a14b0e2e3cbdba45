package org.pifpaf.testkit.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake's contract on disk: one line per argument, check or step, its fields separated by tabs
 * (backslash, tab and newline escaped); a line {@code invocation} starts each invocation.
 */
final class ContractFile {

    /** One invocation as read back: its argument templates and its other lines. */
    record Entry(List<Template> args, List<List<String>> lines) {
    }

    private ContractFile() {
    }

    static void write(Path file, String name, List<Invocation> invocations) throws IOException {
        StringBuilder out = new StringBuilder(escape(name)).append('\n');
        for (Invocation invocation : invocations) {
            out.append("invocation\n");
            for (String arg : invocation.args()) {
                out.append("arg\t").append(escape(arg)).append('\n');
            }
            for (List<String> line : invocation.lines()) {
                out.append(String.join("\t", line.stream().map(ContractFile::escape).toList())).append('\n');
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    /** The fake's name, then its invocations. */
    static List<Entry> read(Path file, StringBuilder name) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        name.append(unescape(lines.get(0)));
        List<Entry> entries = new ArrayList<>();
        List<String> args = null;
        List<List<String>> steps = null;
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                fields.add(unescape(field));
            }
            if (fields.get(0).equals("invocation")) {
                if (args != null) {
                    entries.add(new Entry(Template.all(args), steps));
                }
                args = new ArrayList<>();
                steps = new ArrayList<>();
            } else if (fields.get(0).equals("arg")) {
                args.add(fields.get(1));
            } else {
                steps.add(fields);
            }
        }
        if (args != null) {
            entries.add(new Entry(Template.all(args), steps));
        }
        return entries;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
