package org.pifpaf.cli.eval;

import java.util.Locale;
import java.util.Map;

/**
 * The text eval mode prints: one {@code export} per variable, the prompt marker, and a
 * {@code <prefix>_stop} function (aliased {@code pifpaf_stop}) that stops the daemon, waits for
 * its clean-up to finish, and puts every variable back as it was before.
 *
 * <p>Every line ends with {@code ;} so the output still works when an unquoted backquote
 * substitution joins the lines.
 */
public final class EvalScript {

    /** How many 50 ms waits the stop function allows the supervisor (30 s). */
    private static final int STOP_WAIT_ROUNDS = 600;

    private EvalScript() {
    }

    /**
     * @param variables the variables to export, in order
     * @param prefix    the variable prefix, e.g. {@code PIFPAF}
     * @param driver    the driver's name, for the prompt
     * @param before    the environment before pifpaf ran, to restore on stop
     */
    public static String render(Map<String, String> variables, String prefix, String driver,
                                Map<String, String> before) {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) ->
                out.append("export ").append(name).append('=').append(ShellQuote.quote(value)).append(";\n"));
        String oldPs1 = prefix + "_OLD_PS1";
        // PS1 is rarely exported, so pifpaf cannot see it: let the user's shell read it.
        out.append("export ").append(oldPs1).append("=\"${PS1-}\";\n");
        out.append("PS1=").append(ShellQuote.quote("(pifpaf/" + driver + ") ")).append("\"${PS1-}\";\n");
        out.append(stopFunction(variables, prefix, oldPs1, before)).append('\n');
        return out.toString();
    }

    private static String stopFunction(Map<String, String> variables, String prefix, String oldPs1,
                                       Map<String, String> before) {
        String function = prefix.toLowerCase(Locale.ROOT) + "_stop";
        String pid = "\"$" + prefix + "_PID\"";
        StringBuilder body = new StringBuilder();
        body.append("if test -z \"${").append(prefix).append("_PID-}\"; then echo 'No PID found in $")
                .append(prefix).append("_PID' >&2; return 1; fi; ");
        body.append("if kill ").append(pid).append(" 2>/dev/null; then _pifpaf_n=0; ")
                .append("while [ \"$_pifpaf_n\" -lt ").append(STOP_WAIT_ROUNDS).append(" ] && kill -0 ").append(pid)
                .append(" 2>/dev/null; do case \"$(cat /proc/").append(pid.substring(1, pid.length() - 1))
                .append("/stat 2>/dev/null)\" in *') Z '*) break ;; esac; sleep 0.05; ")
                .append("_pifpaf_n=$((_pifpaf_n + 1)); done; unset _pifpaf_n; fi; ");
        body.append("PS1=${").append(oldPs1).append("-}; unset ").append(oldPs1).append("; ");
        for (String name : variables.keySet()) {
            String previous = before.get(name);
            if (previous == null) {
                body.append("unset ").append(name).append("; ");
            } else {
                body.append("export ").append(name).append('=').append(ShellQuote.quote(previous)).append("; ");
            }
        }
        body.append("unset -f ").append(function).append("; ");
        StringBuilder line = new StringBuilder(function).append(" () { ").append(body);
        if (!function.equals("pifpaf_stop")) {
            line.append("unalias pifpaf_stop 2>/dev/null || true; } ; alias pifpaf_stop=").append(function).append(" ;");
        } else {
            line.append("} ;");
        }
        return line.toString();
    }
}
