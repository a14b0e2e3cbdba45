package org.pifpaf.runtime.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser, rejecting
 * duplicate keys, aliases and further documents.
 */
public final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final YAMLParser parser;
    private String path = "";

    private YamlTree(YAMLParser parser) {
        this.parser = parser;
    }

    /**
     * Reads {@code text}.
     *
     * @return the document's top-level value; empty when the text holds no document
     * @throws YamlException when the text is not YAML, repeats a key, uses an alias or holds a
     *         second document
     */
    public static Optional<YamlNode> read(String text) throws YamlException {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            return new YamlTree(parser).document();
        } catch (IOException e) {
            // Only the parser's own exceptions are caught inside; a String cannot fail to read.
            throw new UncheckedIOException(e);
        }
    }

    private Optional<YamlNode> document() throws IOException, YamlException {
        try {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = node();
            if (parser.nextToken() != null) {
                throw new YamlException(line(), "", "a second YAML document; a stack file holds one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new YamlException(where == null ? 0 : where.getLineNr(), path, oneLine(e.getOriginalMessage()));
        }
    }

    private YamlNode node() throws IOException, YamlException {
        int line = line();
        if (parser.isCurrentAlias()) {
            throw new YamlException(line, path, "aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_STRING -> new YamlNode.Scalar(YamlNode.Kind.STRING, parser.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(YamlNode.Kind.NUMBER, parser.getText(), line);
            case VALUE_TRUE -> new YamlNode.Scalar(YamlNode.Kind.BOOLEAN, "true", line);
            case VALUE_FALSE -> new YamlNode.Scalar(YamlNode.Kind.BOOLEAN, "false", line);
            case VALUE_NULL -> new YamlNode.Scalar(YamlNode.Kind.NULL, "", line);
            default -> throw new YamlException(line, path, "unsupported YAML value '" + parser.getText() + "'");
        };
    }

    private YamlNode.Mapping mapping(int line) throws IOException, YamlException {
        String outer = path;
        List<YamlNode.Field> fields = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            path = outer.isEmpty() ? key : outer + "." + key;
            Integer first = seen.putIfAbsent(key, keyLine);
            if (first != null) {
                throw new YamlException(keyLine, path, "duplicate key; first given on line " + first);
            }
            parser.nextToken();
            fields.add(new YamlNode.Field(key, keyLine, node()));
        }
        path = outer;
        return new YamlNode.Mapping(fields, line);
    }

    private YamlNode.Sequence sequence(int line) throws IOException, YamlException {
        String outer = path;
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            path = outer + "[" + items.size() + "]";
            items.add(node());
            path = outer;
        }
        path = outer;
        return new YamlNode.Sequence(items, line);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /**
     * SnakeYAML's messages span lines: a context, the offending source line with a caret, the
     * problem. Keeps the sentences, drops the quoted source.
     */
    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "not valid YAML";
        }
        if (message.startsWith("Expected a field name")) {
            return "mapping keys must be single values, not lists or mappings";
        }
        String sentences = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining(": "));
        return sentences.isEmpty() ? message.strip().replaceAll("\\s+", " ") : sentences;
    }
}
