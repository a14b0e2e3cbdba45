package org.pifpaf.cli;

import java.io.PrintStream;
import org.pifpaf.runtime.Environment;

/**
 * Who runs a command line, as far as pifpaf's work and output depend on it: the environment it
 * was given, whether its standard streams are terminals, and where its standard output and error
 * go. This process's own, or, in the pifpaf server, a client's.
 *
 * @param environment the variables the run reads and hands its daemons
 * @param terminal    whether colour and progress lines are wanted
 * @param out         standard output
 * @param err         standard error
 */
record Invocation(Environment environment, Terminal terminal, PrintStream out, PrintStream err) {

    /** This process's own (its streams as they are now: the training run replaces standard output). */
    static Invocation ofProcess() {
        Environment environment = Environment.process();
        return new Invocation(environment, Terminal.ofProcess(environment), System.out, System.err);
    }
}
