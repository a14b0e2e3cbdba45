package org.pifpaf;

import java.nio.file.Path;
import java.time.Duration;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DataOnMemory;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.StackFiles;
import org.pifpaf.runtime.StackStarter;

/** A stack file to start; {@link #start()} starts its daemons in parallel. */
public final class StackBuilder {

    private final Path file;
    private final DaemonStarter starter;
    private Duration timeout;
    private boolean keepData;

    StackBuilder(Path file, DaemonStarter starter) {
        this.file = file;
        this.starter = starter;
    }

    /** Gives up on a daemon not ready after {@code value} (default: its driver's). */
    public StackBuilder timeout(Duration value) {
        timeout = value;
        return this;
    }

    /** Keeps the data directories after {@code close()}. */
    public StackBuilder keepData(boolean keep) {
        keepData = keep;
        return this;
    }

    /**
     * Reads the stack file and starts its daemons.
     *
     * @throws org.pifpaf.runtime.StackFileException  for a mistake in the file (file, line, key)
     * @throws org.pifpaf.runtime.StartFailedException when a daemon cannot start
     */
    public DaemonStack start() {
        var definition = StackFiles.parse(file, starter.registry());
        return new DaemonStack(new StackStarter(starter).start(definition,
                request -> request.timeout(timeout).keepData(keepData)
                        .dataOnMemory(DataOnMemory.fromEnvironment(Environment.process(), DataOnMemory.WHEN_ROOM))));
    }
}
