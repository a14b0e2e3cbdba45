package org.pifpaf.runtime.provision;

import java.math.BigInteger;
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
 * {@code 160.1}; {@code 16.4} matches {@code 16.4.0}, and {@code 16.4.0} matches an installed
 * {@code 16.4}), and the newest match wins. A pre-release
 * (a version with a qualifier: {@code 3.0.0-beta1}, {@code 8.0.0-rc1}) is taken only when the
 * request names its qualifier, so that {@code @3} never starts a beta and {@code @8.0.0} is the
 * release, as Maven orders them (a pre-release before its release).
 */
public final class DaemonVersions {

    /** Orders {@code 9.6.24} before {@code 10.1}, {@code 16.4.0} before {@code 16.10.0}, {@code 3.0.0-beta1} before {@code 3.0.0}. */
    public static final Comparator<String> ORDER = DaemonVersions::compare;
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)+|\\d+");
    /** The numeric release, then whatever qualifies it. */
    private static final Pattern RELEASE = Pattern.compile("(\\d+(?:\\.\\d+)*)(.*)");

    private DaemonVersions() {
    }

    /** Whether {@code version} is one that {@code requested} asks for; any release when nothing is asked. */
    public static boolean matches(String requested, String version) {
        if (version == null) {
            return requested == null || requested.isEmpty();
        }
        if (requested == null || requested.isEmpty()) {
            return !isPreRelease(version);
        }
        if (isPreRelease(version) && !isPreRelease(requested)) {
            return false;
        }
        String[] want = requested.split("[.-]");
        String[] have = version.split("[.-]");
        for (int i = 0; i < want.length; i++) {
            // PostgreSQL says 16.4 where zonky's artifact says 16.4.0: a missing part is a 0.
            String part = i < have.length ? have[i] : "0";
            if (!want[i].equals(part)) {
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

    /** The newest release of each major version, oldest major first: what an error lists as available. */
    public static String summary(List<String> versions) {
        Map<String, String> newestByMajor = new LinkedHashMap<>();
        List<String> sorted = new ArrayList<>(versions.stream().filter(v -> !isPreRelease(v)).toList());
        sorted.sort(ORDER);
        for (String version : sorted) {
            newestByMajor.put(version.split("[.-]")[0], version);
        }
        return String.join(", ", newestByMajor.values());
    }

    /** Whether {@code version} has a qualifier after its numbers ({@code -rc1}, {@code -beta}, {@code .M2}). */
    static boolean isPreRelease(String version) {
        Matcher release = RELEASE.matcher(version);
        return !release.matches() || !release.group(2).isEmpty();
    }

    private static int compare(String a, String b) {
        Matcher x = RELEASE.matcher(a);
        Matcher y = RELEASE.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        String[] xs = x.group(1).split("\\.");
        String[] ys = y.group(1).split("\\.");
        for (int i = 0; i < Math.max(xs.length, ys.length); i++) {
            // A missing part counts as 0: 16.4 and 16.4.0 are the same release.
            int c = new BigInteger(i < xs.length ? xs[i] : "0").compareTo(new BigInteger(i < ys.length ? ys[i] : "0"));
            if (c != 0) {
                return c;
            }
        }
        String qx = x.group(2);
        String qy = y.group(2);
        if (qx.isEmpty() != qy.isEmpty()) {
            return qx.isEmpty() ? 1 : -1;
        }
        int c = compareQualifiers(qx, qy);
        return c != 0 ? c : a.compareTo(b);
    }

    /** {@code -rc2} before {@code -rc10}: runs of digits compared as numbers, the rest as text. */
    private static int compareQualifiers(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = !x[i].isEmpty() && !y[i].isEmpty() && Character.isDigit(x[i].charAt(0))
                    && Character.isDigit(y[i].charAt(0));
            int c = numbers ? new BigInteger(x[i]).compareTo(new BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
