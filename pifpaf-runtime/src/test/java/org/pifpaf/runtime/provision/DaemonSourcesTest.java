package org.pifpaf.runtime.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * The order of sources per mode, and what never reaches the provisioner: an installed binary in
 * {@code auto} mode, anything in {@code installed} mode. The provisioner here fails the test if
 * it is asked for at all, which is how a start of an installed daemon keeps the resolver unloaded.
 */
class DaemonSourcesTest {

    private static final Provision SOMEWHERE = Provision.maven("org.example:daemon").anyPlatform();
    private static final Supplier<Provisioner> NEVER = () -> {
        throw new AssertionError("the provisioner was asked for");
    };

    @Test
    void autoTakesAnInstalledBinaryWithoutTheProvisioner() {
        Binary sh = Binary.named("sh").noVersion().provisionedFrom(SOMEWHERE, "bin/sh");
        Path found = new DaemonSources(ProvisionMode.AUTO, null, List.of(), NEVER, TransferProgress.NONE, Environment.process()).executable(sh);
        assertTrue(Files.isExecutable(found), found.toString());
    }

    @Test
    void installedModeNeverProvisions() {
        Binary missing = Binary.named("pifpaf-no-such-binary").debian("no-such-package")
                .provisionedFrom(SOMEWHERE, "bin/x");
        MissingBinaryException e = assertThrows(MissingBinaryException.class,
                () -> new DaemonSources(ProvisionMode.INSTALLED, null, List.of(), NEVER, TransferProgress.NONE, Environment.process()).executable(missing));
        assertTrue(e.getMessage().contains("apt-get install no-such-package"), e.getMessage());
    }

    @Test
    void aBinaryWithoutDeclarationIsTheInstalledOneInEveryMode() {
        Binary sh = Binary.named("sh").noVersion();
        for (ProvisionMode mode : ProvisionMode.values()) {
            assertTrue(Files.isExecutable(new DaemonSources(mode, null, List.of(), NEVER, TransferProgress.NONE, Environment.process()).executable(sh)));
        }
    }

    @Test
    void aNestedDaemonStartsItsOwnDefaultVersion() {
        DaemonSources outer = new DaemonSources(ProvisionMode.PROVISIONED, "16", List.of(), NEVER, TransferProgress.NONE, Environment.process());
        assertEquals("16", outer.version());
        assertNull(outer.nested().version());
    }

    @Test
    void modesAreReadFromTheirWords() {
        assertEquals(ProvisionMode.PROVISIONED, ProvisionMode.parse(" Provisioned "));
        assertEquals("installed", ProvisionMode.INSTALLED.word());
        assertThrows(org.pifpaf.runtime.InvalidRequestException.class, () -> ProvisionMode.parse("sometimes"));
    }
}
