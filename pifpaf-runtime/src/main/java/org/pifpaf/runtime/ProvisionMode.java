package org.pifpaf.runtime;

import java.util.Locale;

/**
 * Where a daemon's binaries come from: those installed on the machine, those pifpaf fetches
 * and keeps (provisioned, see {@link org.pifpaf.api.Provision}), or installed ones when there
 * are, else provisioned ones ({@link #AUTO}, the default, so that machines with the daemon
 * installed behave as before).
 */
public enum ProvisionMode {
    /** Installed binaries first, else provisioned ones. */
    AUTO,
    /** Installed binaries only, as before provisioning existed. */
    INSTALLED,
    /** Provisioned binaries only (for drivers that declare where to fetch them). */
    PROVISIONED;

    /** The environment variable that sets the mode where nothing else does. */
    public static final String VARIABLE = "PIFPAF_PROVISION";

    /**
     * The mode named {@code text} ({@code auto}, {@code installed}, {@code provisioned}).
     *
     * @throws InvalidRequestException for any other word
     */
    public static ProvisionMode parse(String text) {
        for (ProvisionMode mode : values()) {
            if (mode.word().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new InvalidRequestException("'" + text + "' is not a provisioning mode (auto, installed, provisioned)");
    }

    /** {@code $PIFPAF_PROVISION}'s mode in {@code environment}, else {@link #AUTO}. */
    public static ProvisionMode fromEnvironment(Environment environment) {
        return environment.nonBlank(VARIABLE).map(ProvisionMode::parse).orElse(AUTO);
    }

    /** The word that names it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
