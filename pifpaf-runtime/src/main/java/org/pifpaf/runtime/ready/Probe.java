package org.pifpaf.runtime.ready;

/** One readiness condition, checked again and again until it holds. */
interface Probe {

    /** Checks once, quickly. */
    boolean holds() throws InterruptedException;

    /** What is being waited for, for messages. */
    String describe();
}
