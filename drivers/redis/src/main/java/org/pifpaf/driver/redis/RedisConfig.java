package org.pifpaf.driver.redis;

import java.nio.charset.StandardCharsets;

/**
 * The text of a Redis configuration file. Every argument is written as a double-quoted string,
 * so values with spaces, quotes, backslashes, {@code $}, newlines or non-ASCII text reach Redis
 * byte for byte.
 */
final class RedisConfig {

    private final StringBuilder text = new StringBuilder();

    /** Adds the directive {@code name} (one or more plain words) with {@code arguments}. */
    RedisConfig set(String name, String... arguments) {
        text.append(name);
        for (String argument : arguments) {
            text.append(' ').append(quote(argument));
        }
        text.append('\n');
        return this;
    }

    /**
     * {@code value} as a double-quoted Redis string: {@code \"} and {@code \\} for the two
     * special characters, {@code \xHH} for control characters and for each byte of non-ASCII
     * text in UTF-8, which keeps the file plain ASCII and one directive per line.
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                quoted.append(String.format("\\x%02x", c));
            } else {
                quoted.append((char) c);
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
