package org.pifpaf.api;

import java.util.ArrayList;
import java.util.List;

/** The "install it with ..." part of a message about something missing. */
final class InstallHint {

    private InstallHint() {
    }

    /**
     * "install it with 'apt-get install X' or 'brew install Y'", from the ways given (each may be
     * {@code null}); {@code homeVariable} adds "or set NAME to its directory".
     */
    static String of(String debianPackage, String brewFormula, String npmPackage, String homeVariable) {
        return of(debianPackage, brewFormula, npmPackage, List.of(), homeVariable);
    }

    /** As above, with {@code otherWays} (instructions as written) after the packages. */
    static String of(String debianPackage, String brewFormula, String npmPackage, List<String> otherWays,
                     String homeVariable) {
        List<String> ways = new ArrayList<>();
        if (debianPackage != null) {
            ways.add("'apt-get install " + debianPackage + "'");
        }
        if (brewFormula != null) {
            ways.add("'brew install " + brewFormula + "'");
        }
        if (npmPackage != null) {
            ways.add("'npm install -g " + npmPackage + "'");
        }
        ways.addAll(otherWays);
        String hint = ways.isEmpty() ? "install it and put it on PATH" : "install it with " + String.join(" or ", ways);
        return homeVariable == null ? hint : hint + ", or set " + homeVariable + " to its directory";
    }
}
