package org.pifpaf.provision;

import java.nio.file.Path;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/** A process of its own that provisions embedded-redis: {@code ProvisionOnce SETTINGS TREES}; prints the tree. */
public final class ProvisionOnce {

    private ProvisionOnce() {
    }

    public static void main(String[] args) {
        Provisioner provisioner = new Provisioner(Path.of(args[1]), Path.of(args[0]));
        System.out.println(provisioner.provision(EmbeddedRedis.PROVISION, null, TransferProgress.NONE).tree());
    }
}
