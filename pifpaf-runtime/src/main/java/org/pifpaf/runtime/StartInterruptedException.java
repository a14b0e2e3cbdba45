package org.pifpaf.runtime;

/** The start was interrupted (a signal, a cancelled test); what was started is being stopped. */
final class StartInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartInterruptedException() {
        super("start interrupted");
    }
}
