package org.pifpaf.driver.aodh;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pifpaf.api.DriverException;

/**
 * An INI file as OpenStack's oslo.config reads it ({@code aodh.conf}): sections of
 * {@code key = value} lines, written in the order they were set, each value written so that it
 * reads back unchanged. (The gnocchi driver has the same class: drivers share nothing but the API.)
 */
final class OsloConfig {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    /** Sets {@code key} in {@code section} (made on first use). */
    OsloConfig set(String section, String key, String value) {
        sections.computeIfAbsent(section, name -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        sections.forEach((section, entries) -> {
            text.append(text.length() == 0 ? "" : "\n").append('[').append(section).append("]\n");
            entries.forEach((key, value) -> text.append(key).append(" = ").append(quote(key, value)).append('\n'));
        });
        return text.toString();
    }

    /**
     * {@code value} as oslo.config reads it back: {@code $} doubled, as it expands {@code $name}
     * to other options' values; in quotes when its ends would otherwise be lost (it trims spaces,
     * and strips one pair of matching quotes).
     */
    private static String quote(String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.contains("\\$")) {
            // A line break would end the value; oslo.config reads \$ as an escaped $ whatever precedes it.
            throw new DriverException("cannot write " + key + " = '" + value + "' in an oslo.config file"
                    + " (it holds a line break or \\$)");
        }
        String escaped = value.replace("$", "$$");
        boolean trimmed = !escaped.equals(escaped.strip());
        boolean quoted = !escaped.isEmpty() && escaped.charAt(0) == escaped.charAt(escaped.length() - 1)
                && (escaped.charAt(0) == '"' || escaped.charAt(0) == '\'');
        return trimmed || quoted ? '"' + escaped + '"' : escaped;
    }
}
