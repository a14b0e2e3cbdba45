package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.api.Provision;
import org.pifpaf.driver.zookeeper.ZooKeeperDriver;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.spi.MavenSettings;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import redis.clients.jedis.Jedis;

/** Redis and ZooKeeper fetched from Maven Central and used by real clients. */
class ProvisionedRedisAndZooKeeperTest {

    /** The ZooKeeper driver's own declaration, so that the client comes from the server's tree. */
    private static final Provision ZOOKEEPER = new ZooKeeperDriver().distributions().get(0).provision();

    @Test
    void redisWithSentinelAnswersJedis() {
        try (Daemon redis = Pifpaf.daemon("redis").option("sentinel", true).provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(ProvisionedTreesDir.shared()).start();
             Jedis client = new Jedis("127.0.0.1", redis.port());
             Jedis sentinel = new Jedis("127.0.0.1", Integer.parseInt(redis.env("REDIS_SENTINEL_PORT")))) {
            client.set("provisioned", "yes");
            assertEquals("yes", client.get("provisioned"));
            assertTrue(client.info("server").contains("redis_version:6.2."));
            assertEquals(redis.port(), Integer.parseInt(sentinel.sentinelGetMasterAddrByName("pifpaf").get(1)));
        }
    }

    @Test
    void zooKeeperAnswersItsOwnClient() throws Exception {
        try (Daemon zookeeper = Pifpaf.daemon("zookeeper").provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(ProvisionedTreesDir.shared()).start()) {
            // The client of the same release, from the same provisioned tree.
            Path lib = new Provisioner(ProvisionedTreesDir.shared(), MavenSettings.userSettings())
                    .provision(ZOOKEEPER, null, TransferProgress.NONE).tree().resolve("lib");
            String server = "127.0.0.1:" + zookeeper.port();
            assertEquals(0, zkCli(lib, server, "create", "/pifpaf", "provisioned").exitValue());
            Process get = zkCli(lib, server, "get", "/pifpaf");
            String output = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output.contains("provisioned"), output);
        }
    }

    private static Process zkCli(Path lib, String server, String... command) throws Exception {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", lib + "/*",
                "org.apache.zookeeper.ZooKeeperMain", "-server", server));
        argv.addAll(java.util.List.of(command));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process;
    }
}
