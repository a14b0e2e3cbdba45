package org.pifpaf.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pifpaf.runtime.StartRequest;

/**
 * The variables the command line adds to a driver's: {@code <P>_PID}, {@code <P>_DAEMON},
 * {@code <P>_<DRIVER>_URL} and the URL appended to the global list ({@code PIFPAF_URLS}).
 */
final class CliVariables {

    private CliVariables() {
    }

    /**
     * The driver's variables followed by the command line's, in the order eval mode prints them.
     *
     * @param pid              the process that owns the daemon (pifpaf, or its supervisor)
     * @param alsoPifpafPid    whether to set {@code PIFPAF_PID} too when the prefix is another
     * @param outerEnvironment the environment to append the URL list to
     */
    static Map<String, String> of(Map<String, String> driverVariables, String driver, String url,
                                  Naming naming, long pid, boolean alsoPifpafPid,
                                  Map<String, String> outerEnvironment) {
        Map<String, String> all = new LinkedHashMap<>(driverVariables);
        String prefix = naming.prefix();
        if (alsoPifpafPid || prefix.equals(StartRequest.DEFAULT_PREFIX)) {
            all.put(StartRequest.DEFAULT_PREFIX + "_PID", Long.toString(pid));
        }
        all.put(prefix + "_PID", Long.toString(pid));
        all.put(prefix + "_DAEMON", driver);
        all.put(prefix + "_" + driver.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", url);
        String previous = outerEnvironment.get(naming.globalUrlsVariable());
        all.put(naming.globalUrlsVariable(), previous == null || previous.isEmpty() ? url : previous + ";" + url);
        return all;
    }

    /**
     * How variables are named.
     *
     * @param prefix             e.g. {@code PIFPAF}
     * @param globalUrlsVariable e.g. {@code PIFPAF_URLS}
     */
    record Naming(String prefix, String globalUrlsVariable) {
    }
}
