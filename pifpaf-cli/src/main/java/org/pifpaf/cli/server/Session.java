package org.pifpaf.cli.server;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One client's conversation with the server: its request, its reply FIFO, and what it says
 * while it is served (its command ended, it got a signal) or what happens to it (it died). A
 * signal or the client's death interrupts the thread serving it, which is how a start in
 * progress learns that it must stop, as a signal does in pifpaf's JVM.
 */
public final class Session {

    /** What the client says or suffers while it is served. */
    public sealed interface Event permits CommandEnded, Signalled, ClientGone {
    }

    /** @param status the command's exit status */
    public record CommandEnded(int status) implements Event {
    }

    /** @param signal the number of the signal the client got */
    public record Signalled(int signal) implements Event {
    }

    /** The client process is gone (killed): there is nobody to answer. */
    public record ClientGone() implements Event {
    }

    private final Request request;
    private final long clientStartTime;
    private final ReplyChannel reply;
    private final PrintStream out;
    private final PrintStream err;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile Thread worker;
    private volatile int signal;
    private volatile boolean gone;
    private volatile boolean fellBack;

    Session(Request request, long clientStartTime, ReplyChannel reply) {
        this.request = request;
        this.clientStartTime = clientStartTime;
        this.reply = reply;
        this.out = reply.stream("o");
        this.err = reply.stream("e");
    }

    /** What the client asks. */
    public Request request() {
        return request;
    }

    /** The client's standard output. */
    public PrintStream out() {
        return out;
    }

    /** The client's standard error. */
    public PrintStream err() {
        return err;
    }

    /** Tells the client to run pifpaf's JVM itself, saying why (for its {@code --debug}); the session is over. */
    public void fallBack(String why) {
        fellBack = true;
        reply.send(Wire.line(Wire.FALLBACK, why));
    }

    /** Whether the client was sent back to pifpaf's JVM. */
    boolean fellBack() {
        return fellBack;
    }

    /** Has the client export {@code name} with {@code value} for its command. */
    public void export(String name, String value) {
        reply.send(Wire.line("x " + name, value));
    }

    /** Has the client run its command, which starts at argument {@code index}. */
    public void runCommand(int index) {
        reply.send(Wire.plain("run " + index));
    }

    /** Has the client exit with {@code status} (after what was written to its streams); the session is over. */
    public void exit(int status) {
        out.flush();
        err.flush();
        reply.send(Wire.plain("exit " + status));
    }

    /**
     * Waits for what the client says or suffers next. The interrupt that announced it (see the
     * class comment) is cleared.
     */
    public Event next() {
        while (true) {
            try {
                Event event = events.take();
                Thread.interrupted();
                return event;
            } catch (InterruptedException e) {
                // The event that interrupted us is queued: take it.
            }
        }
    }

    /** The signal the client got, 0 if none. */
    public int signal() {
        return signal;
    }

    /** Whether the client is gone. */
    public boolean clientGone() {
        return gone;
    }

    /** The processes the client started (its command), as they are now. */
    public List<ProcessHandle> clientChildren() {
        return ProcessHandle.of(request.clientPid()).map(p -> p.children().toList()).orElse(List.of());
    }

    /** The thread serving this session: the one a signal or the client's death interrupts. */
    void servedBy(Thread thread) {
        worker = thread;
    }

    /** Whether the client process still runs (it may have been killed: nobody would tell). */
    boolean clientRunning() {
        return ProcessFacts.isRunning(request.clientPid(), clientStartTime);
    }

    /** The client said or suffered {@code event}. */
    void deliver(Event event) {
        if (event instanceof Signalled signalled) {
            if (signal != 0) {
                return; // the first signal decides, as in pifpaf's JVM
            }
            signal = signalled.signal();
        } else if (event instanceof ClientGone) {
            if (gone) {
                return;
            }
            gone = true;
            reply.close();
        }
        events.add(event);
        Thread serving = worker;
        if (serving != null && !(event instanceof CommandEnded)) {
            serving.interrupt();
        }
    }

    /** The session is over: its reply channel is closed. */
    void close() {
        reply.close();
    }
}
