package org.pifpaf.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Helpers for the picocli models that every run builds ({@code pifpaf}, {@code run}, a
 * driver's command), which are made in code rather than from annotations: reading annotations
 * costs a JVM that has just started 30–40 ms (reflection, and a proxy class generated for each
 * annotation type), a tenth of a whole {@code pifpaf run}. The other sub-commands, built only
 * when named, keep their annotations.
 */
final class Models {

    private Models() {
    }

    /**
     * An option named {@code names}, bound to a field read by {@code getter} and written by
     * {@code setter}; the field's value now is the option's initial value, as with annotations.
     */
    static <T> OptionSpec.Builder option(Supplier<T> getter, Consumer<T> setter, String... names) {
        Binding<T> field = new Binding<>(getter, setter);
        return OptionSpec.builder(names).getter(field).setter(field).initialValue(getter.get());
    }

    /** A positional parameter, bound to a field like an {@link #option}. */
    static <T> PositionalParamSpec.Builder positional(Supplier<T> getter, Consumer<T> setter) {
        Binding<T> field = new Binding<>(getter, setter);
        return PositionalParamSpec.builder().getter(field).setter(field).initialValue(getter.get());
    }

    /**
     * Adds {@code -h, --help} and {@code -V, --version}, as picocli's
     * {@code mixinStandardHelpOptions} does (and under its name, so the model reports them the
     * same way), without the annotated mixin picocli would reflect on.
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        mixin.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.addMixin("mixinStandardHelpOptions", mixin);
    }

    /**
     * A binding of a value to a field of ours. Its two halves are JDK functional interfaces: a
     * lambda implementing one of picocli's interfaces, compiled for Java 5, could not be kept in
     * the class-data-sharing archive.
     */
    static final class Binding<T> implements IGetter, ISetter {
        private final Supplier<T> getter;
        private final Consumer<T> setter;

        private Binding(Supplier<T> getter, Consumer<T> setter) {
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) getter.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            V previous = get();
            setter.accept((T) value);
            return previous;
        }
    }
}
