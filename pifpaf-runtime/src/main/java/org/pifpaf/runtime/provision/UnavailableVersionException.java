package org.pifpaf.runtime.provision;

import org.pifpaf.api.MissingSoftwareException;

/**
 * The version asked for ({@code postgresql@12.99}) is neither installed nor provisionable; the
 * message lists what is. Reported like any missing software (the command line's status 3).
 */
public class UnavailableVersionException extends MissingSoftwareException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what      the binary or distribution and the version, e.g. {@code initdb 12.99}
     * @param available what there is instead, e.g. {@code installed: 15.10; provisionable: 9.6.24, ..., 18.7.0}
     */
    public UnavailableVersionException(String what, String available) {
        super(what, available);
    }
}
