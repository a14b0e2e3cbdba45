package org.pifpaf.driver.redis;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the user-info part of a URL. {@code java.net.URLEncoder} does not fit: it
 * encodes HTML forms and turns a space into {@code +}, which a URL parser reads back as a plus.
 */
final class UserInfo {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private UserInfo() {
    }

    /** {@code value} with every byte outside RFC 3986's unreserved characters as {@code %HH}. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append(String.format("%%%02X", c));
            }
        }
        return encoded.toString();
    }
}
