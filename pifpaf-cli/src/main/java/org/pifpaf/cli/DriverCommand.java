package org.pifpaf.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds {@code pifpaf run <driver>} from the driver's own option descriptors, so that
 * {@code pifpaf run redis --help} documents them. Parsing stops at the first word that is not
 * an option: {@code pifpaf run redis redis-cli -p 6379 ping} needs no {@code --}.
 */
final class DriverCommand {

    private final CommandSpec spec;
    /**
     * By option name: a {@link DriverOption} key would call the record's generated
     * {@code hashCode}, whose first use spins method-handle classes, milliseconds of every run.
     */
    private final Map<String, OptionSpec> options = new LinkedHashMap<>();
    private final PositionalParamSpec command;
    private final RunOptions runOptions = new RunOptions();

    DriverCommand(DaemonDriver driver, DriverRun run) {
        spec = CommandSpec.wrapWithoutInspection(run);
        spec.name(driver.name());
        Models.addStandardHelpOptions(spec);
        spec.usageMessage()
                .description(driver.description())
                .autoWidth(true)
                .footer("", "Without COMMAND, prints shell code to eval and leaves the daemon running: "
                        + "eval \"$(pifpaf run " + driver.name() + ")\"");
        spec.parser().stopAtPositional(true);
        for (DriverOption option : driver.options()) {
            OptionSpec optionSpec = optionSpec(option);
            options.put(option.name(), optionSpec);
            spec.addOption(optionSpec);
        }
        runOptions.addTo(spec, "run");
        command = PositionalParamSpec.builder()
                .paramLabel("COMMAND")
                .arity("0..*")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .description("The command to run (put -- before it if it starts with a dash).")
                .build();
        spec.addPositional(command);
    }

    private static OptionSpec optionSpec(DriverOption option) {
        List<String> names = new ArrayList<>(List.of("--" + option.name()));
        if (option.name().contains("_")) {
            names.add("--" + option.name().replace('_', '-'));
        }
        OptionSpec.Builder builder = OptionSpec.builder(names.toArray(String[]::new));
        String help = option.help();
        switch (option.type()) {
            case INTEGER -> builder.type(Integer.class).paramLabel("N");
            case PORT -> builder.type(Integer.class).paramLabel("PORT");
            case STRING -> builder.type(String.class).paramLabel("TEXT");
            case FLAG -> builder.type(Boolean.class).arity("0");
            case BOOLEAN -> builder.type(Boolean.class).arity("0").negatable(true);
        }
        if (option.defaultValue() != null && option.type() != DriverOption.Type.FLAG) {
            String shown = option.defaultValue().isEmpty() ? "''" : option.defaultValue();
            help = help + " (default: " + (option.type() == DriverOption.Type.BOOLEAN
                    ? (Boolean.parseBoolean(shown) ? "--" : "--no-") + option.name() : shown) + ")";
        }
        return builder.description(help).build();
    }

    CommandSpec spec() {
        return spec;
    }

    /** The driver options given on the command line, as text by option name. */
    Map<String, String> givenOptions() {
        Map<String, String> given = new LinkedHashMap<>();
        options.forEach((name, optionSpec) -> {
            Object value = optionSpec.getValue();
            if (value != null) {
                given.put(name, value.toString());
            }
        });
        return given;
    }

    /** The run options given after the driver name. */
    RunOptions runOptions() {
        return runOptions;
    }

    /** The command to run, empty for eval mode. */
    List<String> command() {
        List<String> words = command.getValue();
        return words == null ? List.of() : words;
    }
}
