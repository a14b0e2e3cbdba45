package org.pifpaf.runtime.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An option value of a stack file: text with {@code ${daemon.VARIABLE}} references to variables
 * other daemons export, and {@code $$} for a literal {@code $}. A {@code $} followed by anything
 * else is kept as it is.
 */
public final class ValueTemplate {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One piece of a template: literal text or a reference. */
    private sealed interface Part permits Text, Reference {
    }

    private record Text(String text) implements Part {
    }

    /**
     * One {@code ${daemon.VARIABLE}}.
     *
     * @param daemon   the daemon's name in the stack file
     * @param variable the variable, looked up as it is, then with the daemon's prefix
     */
    public record Reference(String daemon, String variable) implements Part {
        /** The reference as written, e.g. {@code ${index.URL}}. */
        @Override
        public String toString() {
            return "${" + daemon + "." + variable + "}";
        }
    }

    private final List<Part> parts;

    private ValueTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code value}.
     *
     * @throws IllegalArgumentException for an unclosed <code>${</code> or a reference that is not
     *         {@code ${daemon.VARIABLE}}; the message says which
     */
    public static ValueTemplate parse(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            if (c == '$' && next == '$') {
                text.append('$');
                i += 2;
            } else if (c == '$' && next == '{') {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '${' in '" + value + "'; write $$ for a literal $");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(reference(value.substring(i, end + 1)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new ValueTemplate(parts);
    }

    private static Reference reference(String written) {
        String inside = written.substring(2, written.length() - 1);
        int dot = inside.indexOf('.');
        if (dot <= 0 || !VARIABLE.matcher(inside.substring(dot + 1)).matches()) {
            throw new IllegalArgumentException("malformed reference '" + written
                    + "'; write ${daemon.VARIABLE}, e.g. ${db.URL}, and $$ for a literal $");
        }
        return new Reference(inside.substring(0, dot), inside.substring(dot + 1));
    }

    /** The references, in the order they are written. */
    public List<Reference> references() {
        return parts.stream().filter(Reference.class::isInstance).map(Reference.class::cast).toList();
    }

    /** Whether there are no references, so the value is known before any daemon starts. */
    public boolean isLiteral() {
        return parts.stream().noneMatch(Reference.class::isInstance);
    }

    /**
     * The text of a template without references, {@code $$} written as {@code $}.
     *
     * @throws IllegalStateException when there are references
     */
    public String literal() {
        return resolve(reference -> {
            throw new IllegalStateException(reference + " is not literal text");
        });
    }

    /** The text with every reference replaced by {@code valueOf} it, and {@code $$} by {@code $}. */
    public String resolve(Function<Reference, String> valueOf) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Reference r) {
                out.append(valueOf.apply(r));
            }
        }
        return out.toString();
    }
}
