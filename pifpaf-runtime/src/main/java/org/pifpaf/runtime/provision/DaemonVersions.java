package org.pifpaf.runtime.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daemon versions as {@code driver@version} asks for them: a request matches a version whose
 * dot-separated parts start with the request's ({@code 16} matches {@code 16.4.0}, not
 * {@code 160.1}; {@code 16.4} matches {@code 16.4.0}), and the newest match wins.
 */
public final class DaemonVersions {

    /** Orders {@code 9.6.24} before {@code 10.1} and {@code 16.4.0} before {@code 16.10.0}. */
    public static final Comparator<String> ORDER = DaemonVersions::compare;
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)+|\\d+");

    private DaemonVersions() {
    }

    /** Whether {@code version} is one that {@code requested} asks for; any version when nothing is asked. */
    public static boolean matches(String requested, String version) {
        if (requested == null || requested.isEmpty()) {
            return true;
        }
        if (version == null) {
            return false;
        }
        String[] want = requested.split("[.-]");
        String[] have = version.split("[.-]");
        if (want.length > have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** The newest of {@code versions} that {@code requested} asks for. */
    public static Optional<String> newestMatching(String requested, List<String> versions) {
        return versions.stream().filter(v -> matches(requested, v)).max(ORDER);
    }

    /** The version number in a binary's {@code --version} line ({@code postgres (PostgreSQL) 16.4} → {@code 16.4}). */
    public static Optional<String> numberIn(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** The newest version of each major one, oldest major first: what an error lists as available. */
    public static String summary(List<String> versions) {
        Map<String, String> newestByMajor = new LinkedHashMap<>();
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(ORDER);
        for (String version : sorted) {
            newestByMajor.put(version.split("[.-]")[0], version);
        }
        return String.join(", ", newestByMajor.values());
    }

    private static int compare(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = !x[i].isEmpty() && !y[i].isEmpty() && x[i].chars().allMatch(Character::isDigit)
                    && y[i].chars().allMatch(Character::isDigit);
            int c = numbers ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
