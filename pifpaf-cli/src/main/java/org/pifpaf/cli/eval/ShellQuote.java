package org.pifpaf.cli.eval;

/** Quoting for POSIX shells. */
public final class ShellQuote {

    private ShellQuote() {
    }

    /**
     * {@code value} in single quotes, each {@code '} written as {@code '\''}: the shell takes
     * everything else (spaces, {@code $}, backquotes, backslashes, newlines) literally.
     */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
