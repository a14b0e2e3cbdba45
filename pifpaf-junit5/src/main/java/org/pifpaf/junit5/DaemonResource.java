package org.pifpaf.junit5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pifpaf.Daemon;

/**
 * A started daemon kept in a JUnit store: when the store's context ends JUnit closes it, which
 * restores the system properties it set and stops the daemon.
 */
final class DaemonResource implements ExtensionContext.Store.CloseableResource {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Daemon daemon;
    private final Map<String, String> previousProperties = new LinkedHashMap<>();

    private DaemonResource(Daemon daemon) {
        this.daemon = daemon;
    }

    /** Starts {@code spec}'s daemon and sets its system properties; see {@link DaemonSpec#start}. */
    static DaemonResource start(DaemonSpec spec, boolean skipIfUnavailable) {
        DaemonResource resource = new DaemonResource(spec.start(skipIfUnavailable));
        try {
            for (String[] property : spec.systemProperties()) {
                resource.setProperty(property[0], resource.expand(property[1]));
            }
        } catch (RuntimeException e) {
            resource.close();
            throw e;
        }
        return resource;
    }

    Daemon daemon() {
        return daemon;
    }

    private String expand(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value;
            try {
                value = daemon.env(matcher.group(1));
            } catch (NoSuchElementException e) {
                throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(e.getMessage(), e);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private synchronized void setProperty(String name, String value) {
        previousProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Override
    public synchronized void close() {
        List<Map.Entry<String, String>> properties = new ArrayList<>(previousProperties.entrySet());
        for (Map.Entry<String, String> property : properties) {
            if (property.getValue() == null) {
                System.clearProperty(property.getKey());
            } else {
                System.setProperty(property.getKey(), property.getValue());
            }
        }
        previousProperties.clear();
        daemon.close();
    }
}
