package org.pifpaf.api;

/** A binary a driver needs is not installed; the message says which package installs it. */
public class MissingBinaryException extends MissingSoftwareException {

    private static final long serialVersionUID = 1L;

    private final transient Binary binary;

    /** @param binary the binary that was looked for */
    public MissingBinaryException(Binary binary) {
        super(binary.name(), binary.installHint());
        this.binary = binary;
    }

    /** The binary that was looked for. */
    public Binary binary() {
        return binary;
    }
}
