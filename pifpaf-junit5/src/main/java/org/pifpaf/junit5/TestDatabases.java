package org.pifpaf.junit5;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.pifpaf.Daemon;
import org.pifpaf.DatabaseTemplate;
import org.pifpaf.TestDatabase;

/**
 * {@link TestDatabase} parameters: a fresh copy, per test, of the template database of the test
 * class's PostgreSQL daemon, prepared once per class by its {@link PifpafTemplate} method.
 */
final class TestDatabases {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

    private TestDatabases() {
    }

    /**
     * A fresh database for the test of {@code context}, dropped when the test ends.
     *
     * @param visible the daemons the test sees, its class's among them
     */
    static TestDatabase fresh(ExtensionContext context, Map<String, Daemon> visible) {
        List<Daemon> postgresql = visible.values().stream().filter(d -> d.driver().equals("postgresql")).distinct().toList();
        if (postgresql.size() != 1) {
            throw new ParameterResolutionException(postgresql.isEmpty()
                    ? "a TestDatabase needs a PostgreSQL daemon on the class: @PifpafDaemon(driver = \"postgresql\")"
                    : "a TestDatabase needs exactly one PostgreSQL daemon on the class, not " + postgresql.size());
        }
        Daemon daemon = postgresql.get(0);
        ExtensionContext classContext = context.getParent().orElse(context);
        Class<?> testClass = context.getRequiredTestClass();
        TemplateResource template = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                daemon.dataDir().toString(), key -> new TemplateResource(DatabaseTemplate.of(daemon, setup(testClass))),
                TemplateResource.class);
        TestDatabase database = template.template().newDatabase();
        context.getStore(NAMESPACE).put(database.name(), (ExtensionContext.Store.CloseableResource) database::close);
        return database;
    }

    /** The class's {@link PifpafTemplate} methods, run in order; none: an empty database. */
    private static DatabaseTemplate.Setup setup(Class<?> testClass) {
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(testClass, PifpafTemplate.class,
                HierarchyTraversalMode.TOP_DOWN);
        for (Method method : methods) {
            if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1
                    || method.getParameterTypes()[0] != Connection.class) {
                throw new ExtensionConfigurationException("@PifpafTemplate method " + method.getName()
                        + " must be static and take a java.sql.Connection");
            }
            method.setAccessible(true);
        }
        return connection -> {
            for (Method method : methods) {
                try {
                    method.invoke(null, connection);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new SQLException(e);
                }
            }
        };
    }

    /** The class's template, closed (its copies and itself dropped) when the class ends. */
    private record TemplateResource(DatabaseTemplate template) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            template.close();
        }
    }
}
