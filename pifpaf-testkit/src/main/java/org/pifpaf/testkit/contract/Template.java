package org.pifpaf.testkit.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a fake expects, with placeholders: {@code ${name:regex}} captures what the regex matches
 * under {@code name} the first time; {@code ${name}} stands for a value captured before (in this
 * text or an earlier one: an argument, a variable, a file). {@code ${data}} is the fake's working
 * directory, which pifpaf makes the daemon's data directory.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)(?::((?:[^{}]|\\{[^{}]*})*))?}");

    private final String text;

    Template(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /**
     * Whether {@code actual} is this text; on success, adds what it captured to {@code captures}
     * (left unchanged otherwise).
     */
    boolean matches(String actual, Map<String, String> captures) {
        Map<String, String> groups = new HashMap<>(); // group name -> capture name
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.substring(last, placeholder.start())));
            String name = placeholder.group(1);
            String group = groupOf(groups, name);
            if (captures.containsKey(name)) {
                regex.append(Pattern.quote(captures.get(name)));
            } else if (group != null) {
                regex.append("\\k<").append(group).append('>');
            } else if (placeholder.group(2) != null) {
                group = "g" + groups.size();
                groups.put(group, name);
                regex.append("(?<").append(group).append('>').append(placeholder.group(2)).append(')');
            } else {
                throw new IllegalStateException("${" + name + "} is used in \"" + text + "\" before it is captured");
            }
            last = placeholder.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!match.matches()) {
            return false;
        }
        groups.forEach((group, name) -> captures.put(name, match.group(group)));
        return true;
    }

    /** The text with every placeholder replaced by its captured value. */
    String render(Map<String, String> captures) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = captures.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("${" + placeholder.group(1) + "} is not captured yet in \"" + text + "\"");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** Every template in {@code texts}. */
    static List<Template> all(List<String> texts) {
        List<Template> templates = new ArrayList<>();
        texts.forEach(t -> templates.add(new Template(t)));
        return templates;
    }

    private static String groupOf(Map<String, String> groups, String name) {
        for (Map.Entry<String, String> entry : groups.entrySet()) {
            if (entry.getValue().equals(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
