package org.pifpaf.api;

/** A Java daemon's installation was not found; the message says how to install it. */
public class MissingDistributionException extends MissingSoftwareException {

    private static final long serialVersionUID = 1L;

    private final transient JavaDistribution distribution;

    /** @param distribution what was looked for */
    public MissingDistributionException(JavaDistribution distribution) {
        super(distribution.name(), distribution.installHint());
        this.distribution = distribution;
    }

    /** What was looked for. */
    public JavaDistribution distribution() {
        return distribution;
    }
}
