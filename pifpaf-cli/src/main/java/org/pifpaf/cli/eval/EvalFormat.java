package org.pifpaf.cli.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How eval mode hands the variables over: shell code for {@code eval} (sh, fish), data (JSON,
 * dotenv), or lines appended to GitHub Actions' {@code $GITHUB_ENV}.
 */
public enum EvalFormat {

    /** POSIX shell code with a stop function (the default). */
    SH,
    /** fish shell code with a stop function. */
    FISH,
    /** A JSON object of the variables. */
    JSON,
    /** {@code NAME="value"} lines, as .env files have them. */
    DOTENV,
    /** Appends the variables to the file {@code $GITHUB_ENV} names; prints nothing. */
    GITHUB;

    /**
     * What to print for {@code variables}.
     *
     * @param prefix the prefix of the stop function's name
     * @param label  what the prompt marker shows
     * @param before the environment before pifpaf ran, for the stop function to restore
     * @throws IOException when {@code $GITHUB_ENV} cannot be written
     */
    public String render(Map<String, String> variables, String prefix, String label, Map<String, String> before)
            throws IOException {
        return switch (this) {
            case SH -> EvalScript.render(variables, prefix, label, before);
            case FISH -> fish(variables, prefix);
            case JSON -> json(variables);
            case DOTENV -> dotenv(variables);
            case GITHUB -> github(variables, before.get("GITHUB_ENV"));
        };
    }

    /** The lower-case names the command line accepts. */
    public static EvalFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String fish(Map<String, String> variables, String prefix) {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> out.append("set -gx ").append(name).append(' ').append(fishQuote(value)).append(";\n"));
        String function = prefix.toLowerCase(Locale.ROOT) + "_stop";
        out.append("function ").append(function).append("; kill $").append(prefix).append("_PID");
        out.append("; while kill -0 $").append(prefix).append("_PID 2>/dev/null; sleep 0.05; end");
        out.append("; set -e ").append(String.join(" ", variables.keySet())).append("; functions -e ").append(function)
                .append("; end;\n");
        if (!function.equals("pifpaf_stop")) {
            out.append("function pifpaf_stop; ").append(function).append("; end;\n");
        }
        return out.toString();
    }

    /** fish single quotes: only {@code \} and {@code '} need a backslash. */
    static String fishQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String json(Map<String, String> variables) {
        StringBuilder out = new StringBuilder("{");
        String separator = "\n";
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            out.append(separator).append("  ").append(jsonString(variable.getKey())).append(": ")
                    .append(jsonString(variable.getValue()));
            separator = ",\n";
        }
        return out.append("\n}\n").toString();
    }

    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String dotenv(Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> out.append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("\n", "\\n"))
                .append("\"\n"));
        return out.toString();
    }

    private static String github(Map<String, String> variables, String githubEnv) throws IOException {
        if (githubEnv == null || githubEnv.isBlank()) {
            throw new IOException("--format github needs $GITHUB_ENV (set by GitHub Actions)");
        }
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> {
            if (value.indexOf('\n') < 0) {
                out.append(name).append('=').append(value).append('\n');
            } else {
                // Multi-line values take GitHub's delimiter form, with a delimiter no value contains.
                String delimiter = "PIFPAF_" + UUID.randomUUID().toString().replace("-", "");
                out.append(name).append("<<").append(delimiter).append('\n').append(value).append('\n')
                        .append(delimiter).append('\n');
            }
        });
        Files.writeString(Path.of(githubEnv), out, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return "";
    }
}
