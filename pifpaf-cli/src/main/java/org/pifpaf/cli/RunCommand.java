package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pifpaf.cli.CliOption.Kind;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.StackDefinition;
import org.pifpaf.runtime.StackFiles;
import org.pifpaf.runtime.StackStarter;
import org.pifpaf.runtime.commandline.UserConfig;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pifpaf run}: one sub-command per driver, added at start-up from the registry; or, with
 * {@code -f FILE}, the daemons of a stack file.
 */
final class RunCommand implements Callable<Integer> {

    /** run's own options besides the run options, which only picocli reads. */
    static final List<CliOption<RunCommand>> OPTIONS = List.of(
            CliOption.<RunCommand>of(Kind.PATH, r -> r.stackFile, (r, v) -> r.stackFile = (Path) v, "-f", "--file")
                    .withLabel("FILE").withDescription("Start the daemons a stack file (YAML) describes, in parallel."));

    final RunOptions options = new RunOptions();
    Path stackFile;
    List<String> command = List.of();

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    private final PifpafCommand global;
    private final DaemonStarter starter;
    private final List<String> rawArgs;
    private final Invocation invocation;

    RunCommand(PifpafCommand global, DaemonStarter starter, List<String> rawArgs, Invocation invocation) {
        this.global = global;
        this.starter = starter;
        this.rawArgs = rawArgs;
        this.invocation = invocation;
    }

    /** The command's model, bound to this object's fields (built in code: see {@link Models}). */
    CommandSpec model() {
        spec.name("run");
        spec.usageMessage().autoWidth(true).synopsisSubcommandLabel("DRIVER")
                .description("Start a daemon (or, with -f, a stack file's daemons), run COMMAND with its "
                        + "variables, then stop it. Without COMMAND, print shell code for eval and leave it running.")
                .commandListHeading("%nDrivers (pifpaf run DRIVER --help for their options):%n");
        options.addTo(spec, "options");
        for (CliOption<RunCommand> option : OPTIONS) {
            spec.addOption(option.toSpec(this));
        }
        spec.addPositional(Models.positional(() -> command, value -> command = value)
                .type(List.class).auxiliaryTypes(String.class).paramLabel("COMMAND").arity("0..*")
                .description("With -f: the command to run (put -- before it).").build());
        Models.addStandardHelpOptions(spec);
        return spec;
    }

    @Override
    public Integer call() {
        if (stackFile == null) {
            if (!command.isEmpty()) {
                return Usage.error(Usage.unknownDriver(starter.registry(), command.get(0)));
            }
            spec.commandLine().usage(System.out);
            return ExitCodes.OK;
        }
        try {
            RunOptions merged = global.namingOptions().or(options);
            CliVariables.Naming naming = DriverRun.naming(merged);
            StackDefinition stack = StackFiles.parse(stackFile, starter.registry());
            Environment environment = invocation.environment();
            UserConfig config = UserConfig.load(UserConfig.defaultFile(environment), starter.registry(), environment);
            Started.Launch launch = progress -> {
                var running = new StackStarter(starter).start(stack,
                        request -> DriverRun.settings(request, merged, global, config).progress(progress)
                                .transferProgress(progress));
                List<Started.Member> members = running.daemons().entrySet().stream()
                        .map(e -> new Started.Member(e.getValue(), running.prefix(e.getKey()))).toList();
                return new Started(members, running);
            };
            return RunModes.run(launch, command, naming, global.supervisor, rawArgs, stackFile.getFileName().toString(),
                    DriverRun.format(merged, environment), invocation);
        } catch (InvalidRequestException e) {
            return Usage.error(e.getMessage());
        }
    }

    /** Whether a stack file was given (a driver name then makes no sense). */
    boolean hasStackFile() {
        return stackFile != null;
    }

}
