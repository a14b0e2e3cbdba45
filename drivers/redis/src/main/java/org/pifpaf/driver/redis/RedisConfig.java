package org.pifpaf.driver.redis;

import java.nio.charset.StandardCharsets;

/**
 * A Redis configuration file. Every argument is written as a double-quoted string, so values
 * with spaces, quotes, backslashes, newlines or non-ASCII text reach Redis unchanged.
 */
final class RedisConfig {

    private final StringBuilder text = new StringBuilder();

    /** Adds the directive {@code name} (one or more words) with {@code arguments}. */
    RedisConfig set(String name, String... arguments) {
        text.append(name);
        for (String argument : arguments) {
            text.append(' ').append(quote(argument));
        }
        text.append('\n');
        return this;
    }

    /** {@code value} as a double-quoted Redis string. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", c));
            } else if (c < 0x80) {
                quoted.append((char) c);
            } else {
                // Bytes of a UTF-8 sequence: \x escapes keep the file ASCII and exact.
                quoted.append(String.format("\\x%02x", c));
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
