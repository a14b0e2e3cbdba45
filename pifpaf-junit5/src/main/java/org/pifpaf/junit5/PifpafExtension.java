package org.pifpaf.junit5;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.pifpaf.Daemon;
import org.pifpaf.DaemonStack;
import org.pifpaf.TestDatabase;

/**
 * Starts the daemons declared with {@link PifpafDaemon} and stops them when their scope ends.
 *
 * <p>Each daemon lives in the store of the JUnit context it was declared for (the class, or one
 * test), so JUnit closes it at the end of that scope, also when tests fail or run in parallel.
 * Shared daemons live in the root context's store and stop at the end of the run.
 */
public final class PifpafExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PifpafExtension.class);
    private static final String DECLARED = "declared";
    private static final String STACK = "stack";

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<PifpafStack> stack = AnnotationSupport.findAnnotation(testClass, PifpafStack.class);
        if (stack.isPresent()) {
            StackResource resource = StackResource.start(stack.get(), testClass);
            context.getStore(NAMESPACE).put(STACK + context.getUniqueId(), resource);
            resource.stack().daemons().forEach((name, daemon) -> {
                if (declared(context).putIfAbsent(name, daemon) != null) {
                    throw new ExtensionConfigurationException("two daemons are named '" + name + "'");
                }
            });
        }
        for (PifpafDaemon annotation : AnnotationSupport.findRepeatableAnnotations(testClass, PifpafDaemon.class)) {
            declare(context, DaemonSpec.of(annotation, null));
        }
        for (Field field : annotatedFields(testClass, true)) {
            field.set(null, declare(context, DaemonSpec.of(field.getAnnotation(PifpafDaemon.class), field.getName())));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (PifpafDaemon annotation : AnnotationSupport.findRepeatableAnnotations(
                context.getRequiredTestMethod(), PifpafDaemon.class)) {
            declare(context, DaemonSpec.of(annotation, null));
        }
        Object instance = context.getRequiredTestInstance();
        for (Field field : annotatedFields(instance.getClass(), false)) {
            field.set(instance, declare(context, DaemonSpec.of(field.getAnnotation(PifpafDaemon.class), field.getName())));
        }
        // Parameters are started here rather than when JUnit resolves them: JUnit turns any
        // exception of a resolver into a failure, which would defeat skipIfUnavailable.
        Parameter[] parameters = context.getRequiredTestMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PifpafDaemon annotation = parameters[i].getAnnotation(PifpafDaemon.class);
            if (annotation != null && !annotation.driver().isEmpty()) {
                declare(context, DaemonSpec.of(annotation, parameterName(i)));
            }
        }
    }

    private static String parameterName(int index) {
        return "parameter " + index;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Daemon.class || type == DaemonStack.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == DaemonStack.class) {
            return stackOf(context);
        }
        if (parameter.getParameter().getType() == TestDatabase.class) {
            return TestDatabases.fresh(context, visible(context));
        }
        Optional<PifpafDaemon> annotation = parameter.findAnnotation(PifpafDaemon.class);
        if (annotation.isPresent() && !annotation.get().driver().isEmpty()) {
            DaemonSpec spec = DaemonSpec.of(annotation.get(), parameterName(parameter.getIndex()));
            Daemon started = declared(context).get(spec.name());
            // Lifecycle methods' parameters were not started before: start them now.
            return started != null ? started : declare(context, spec);
        }
        Map<String, Daemon> visible = visible(context);
        if (annotation.isPresent()) {
            String wanted = annotation.get().name();
            return visible.entrySet().stream()
                    .filter(e -> e.getKey().equals(wanted) || e.getValue().driver().equals(wanted))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new ParameterResolutionException("no daemon named '" + wanted
                            + "' is declared for this test; declared: " + visible.keySet()));
        }
        java.lang.reflect.Parameter declaredParameter = parameter.getParameter();
        if (visible.size() > 1 && declaredParameter.isNamePresent()) {
            // Compiled with -parameters: the parameter's name may pick the daemon.
            Daemon named = visible.get(declaredParameter.getName());
            if (named != null) {
                return named;
            }
        }
        if (visible.size() != 1) {
            throw new ParameterResolutionException(visible.isEmpty()
                    ? "no daemon is declared for this test: add @PifpafDaemon(driver = ...)"
                    : "several daemons are declared " + visible.keySet()
                            + ": pick one with @PifpafDaemon(name = ...) on the parameter");
        }
        return visible.values().iterator().next();
    }

    /** The stack of the test's class (or an enclosing class). */
    private static DaemonStack stackOf(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            StackResource resource = c.get().getStore(NAMESPACE).get(STACK + c.get().getUniqueId(), StackResource.class);
            if (resource != null) {
                return resource.stack();
            }
        }
        throw new ParameterResolutionException("no stack is declared for this test: add @PifpafStack(\"file.yaml\")");
    }

    /** Starts {@code spec}'s daemon in {@code context}'s scope (or the run's, if shared). */
    private static Daemon declare(ExtensionContext context, DaemonSpec spec) {
        DaemonResource resource;
        if (spec.annotation().shared()) {
            resource = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    "shared:" + spec.sharingKey(), key -> DaemonResource.start(spec), DaemonResource.class);
        } else {
            resource = DaemonResource.start(spec);
            // A store closes its CloseableResources when its context ends.
            context.getStore(NAMESPACE).put(new Object(), resource);
        }
        Map<String, Daemon> declared = declared(context);
        if (declared.putIfAbsent(spec.name(), resource.daemon()) != null) {
            throw new ExtensionConfigurationException("two daemons are named '" + spec.name()
                    + "': give them distinct @PifpafDaemon(name = ...)");
        }
        return resource.daemon();
    }

    /** The daemons declared for exactly this context (stores fall back on their parents'). */
    @SuppressWarnings("unchecked")
    private static Map<String, Daemon> declared(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(DECLARED + context.getUniqueId(),
                key -> Collections.synchronizedMap(new LinkedHashMap<String, Daemon>()), Map.class);
    }

    /** The daemons declared for this test: its own first, then its class's, outwards. */
    private static Map<String, Daemon> visible(ExtensionContext context) {
        Map<String, Daemon> visible = new LinkedHashMap<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Map<String, Daemon> declared = declared(c.get());
            synchronized (declared) {
                declared.forEach(visible::putIfAbsent);
            }
        }
        return visible;
    }

    private static List<Field> annotatedFields(Class<?> type, boolean statics) {
        List<Field> fields = new ArrayList<>();
        for (Field field : AnnotationSupport.findAnnotatedFields(type, PifpafDaemon.class, f -> true,
                HierarchyTraversalMode.TOP_DOWN)) {
            if (Modifier.isStatic(field.getModifiers()) == statics) {
                if (field.getType() != Daemon.class) {
                    throw new ExtensionConfigurationException("@PifpafDaemon field " + field.getName()
                            + " must be of type " + Daemon.class.getName());
                }
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }
}
