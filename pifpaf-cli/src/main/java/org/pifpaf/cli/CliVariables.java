package org.pifpaf.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;

/**
 * The variables of a run: every daemon's own, then those the command line adds:
 * {@code <P>_PID}, and for each daemon {@code <P>_DAEMON} and {@code <P>_<DRIVER>_URL}, and the
 * URLs appended to the global list ({@code PIFPAF_URLS}).
 */
final class CliVariables {

    private CliVariables() {
    }

    /**
     * The variables, in the order eval mode prints them.
     *
     * @param pid              the process that owns the daemons (pifpaf, or its supervisor)
     * @param alsoPifpafPid    whether to set {@code PIFPAF_PID} too when the prefix is another
     * @param outerEnvironment the environment to append the URLs to
     */
    static Map<String, String> of(Started started, Naming naming, long pid, boolean alsoPifpafPid,
                                  Map<String, String> outerEnvironment) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Started.Member member : started.members()) {
            all.putAll(member.daemon().environment());
        }
        if (alsoPifpafPid || naming.prefix().equals(StartRequest.DEFAULT_PREFIX)) {
            all.put(StartRequest.DEFAULT_PREFIX + "_PID", Long.toString(pid));
        }
        all.put(naming.prefix() + "_PID", Long.toString(pid));
        List<String> urls = new java.util.ArrayList<>();
        for (Started.Member member : started.members()) {
            RunningDaemon daemon = member.daemon();
            all.put(member.prefix() + "_DAEMON", daemon.driver());
            all.put(member.prefix() + "_" + daemon.driver().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL",
                    daemon.url());
            urls.add(daemon.url());
        }
        String previous = outerEnvironment.get(naming.globalUrlsVariable());
        String joined = String.join(";", urls);
        all.put(naming.globalUrlsVariable(), previous == null || previous.isEmpty() ? joined : previous + ";" + joined);
        return all;
    }

    /**
     * How the run's own variables are named.
     *
     * @param prefix             e.g. {@code PIFPAF}: {@code <prefix>_PID}, {@code <prefix>_stop}
     * @param globalUrlsVariable e.g. {@code PIFPAF_URLS}
     */
    record Naming(String prefix, String globalUrlsVariable) {
    }
}
