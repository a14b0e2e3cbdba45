package org.pifpaf.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pifpaf run <driver>} as picocli reads it, its model built from the driver's own option
 * descriptors so that {@code pifpaf run redis --help} documents them. Parsing stops at the first
 * word that is not an option: {@code pifpaf run redis redis-cli -p 6379 ping} needs no {@code --}.
 */
final class DriverCommand implements Callable<Integer> {

    private final CommandSpec spec;
    /**
     * By option name: a {@link DriverOption} key would call the record's generated
     * {@code hashCode}, whose first use spins method-handle classes, milliseconds of every run.
     */
    private final Map<String, OptionSpec> options = new LinkedHashMap<>();
    private final PositionalParamSpec command;
    private final RunOptions runOptions = new RunOptions();
    private final RunCommand run;
    private final DriverRun driverRun;

    /** @param run the {@code run} command it is a sub-command of */
    DriverCommand(DaemonDriver driver, RunCommand run, DriverRun driverRun) {
        this.run = run;
        this.driverRun = driverRun;
        spec = CommandSpec.wrapWithoutInspection(this);
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

    /** The names of a driver's option: {@code --name}, and {@code --with-dashes} for {@code --with_underscores}. */
    static List<String> namesOf(DriverOption option) {
        List<String> names = new ArrayList<>(List.of("--" + option.name()));
        if (option.name().contains("_")) {
            names.add("--" + option.name().replace('_', '-'));
        }
        return names;
    }

    private static OptionSpec optionSpec(DriverOption option) {
        OptionSpec.Builder builder = OptionSpec.builder(namesOf(option).toArray(String[]::new));
        String help = option.help();
        switch (option.type()) {
            case INTEGER -> builder.type(Integer.class).paramLabel("N");
            case PORT -> builder.type(Integer.class).paramLabel("PORT");
            case STRING -> builder.type(String.class).paramLabel("TEXT");
            case CHOICE -> builder.type(String.class).paramLabel(String.join("|", option.choices()))
                    .completionCandidates(option.choices());
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

    @Override
    public Integer call() {
        if (run.hasStackFile()) {
            return Usage.error("-f FILE and a driver name cannot be combined: the stack file names the drivers");
        }
        return driverRun.run(arguments());
    }

    /** The word that named the driver: its name, or {@code driver@version}. */
    String daemon() {
        return driverRun.daemon();
    }

    /** What the parsed command line asks of the driver's run. */
    DriverRun.Arguments arguments() {
        return new DriverRun.Arguments(run.options, runOptions, givenOptions(), command());
    }

    /** The driver options given on the command line, as text by option name. */
    private Map<String, String> givenOptions() {
        Map<String, String> given = new LinkedHashMap<>();
        options.forEach((name, optionSpec) -> {
            Object value = optionSpec.getValue();
            if (value != null) {
                given.put(name, value.toString());
            }
        });
        return given;
    }

    /** The command to run, empty for eval mode. */
    private List<String> command() {
        List<String> words = command.getValue();
        return words == null ? List.of() : words;
    }
}
