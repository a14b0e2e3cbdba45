package org.pifpaf.runtime.stack;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the line it starts on, as {@link YamlTree} reads it. Jackson's own tree model
 * drops locations; stack file messages need them.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** The 1-based line the value starts on. */
    int line();

    /** What the value is, for messages: "a string", "a list", "null", ... */
    String describe();

    /** What a scalar is in YAML terms. */
    enum Kind {
        /** Plain or quoted text. */
        STRING,
        /** An integer or a floating-point number, kept as written. */
        NUMBER,
        /** {@code true} or {@code false} (YAML also reads {@code yes}, {@code on}, ...). */
        BOOLEAN,
        /** {@code null}, {@code ~} or nothing at all. */
        NULL
    }

    /**
     * A single value.
     *
     * @param kind what YAML read it as
     * @param text the text: as written for strings and numbers, {@code true} or {@code false}
     *             for booleans, empty for null
     * @param line the 1-based line
     */
    record Scalar(Kind kind, String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }

    /**
     * A list.
     *
     * @param items the items in order
     * @param line  the 1-based line
     */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        /** Copies {@code items}. */
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A mapping; its keys are unique.
     *
     * @param fields the key-value pairs in file order
     * @param line   the 1-based line
     */
    record Mapping(List<Field> fields, int line) implements YamlNode {
        /** Copies {@code fields}. */
        public Mapping {
            fields = List.copyOf(fields);
        }

        /** The pair with key {@code key}, if any. */
        public Optional<Field> field(String key) {
            return fields.stream().filter(field -> field.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key-value pair of a mapping.
     *
     * @param key   the key as text
     * @param line  the 1-based line of the key
     * @param value the value
     */
    record Field(String key, int line, YamlNode value) {
    }
}
