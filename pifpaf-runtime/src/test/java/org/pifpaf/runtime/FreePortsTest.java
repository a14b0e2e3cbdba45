package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.DriverException;

/** Free ports are claimed so that two processes never get the same one. */
class FreePortsTest {

    private static final int LOW = 23_400;
    private static final int HIGH = 23_409;

    /** Run in a second JVM: claims {@code args[0]} ports of the test range and holds them. */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Integer.parseInt(args[0]); i++) {
            System.out.println(FreePorts.claim(LOW, HIGH).port());
        }
        System.out.println("held");
        System.out.flush();
        System.in.read(); // hold the claims until the parent closes our input
    }

    @Test
    void portsHeldByAnotherProcessAreNeverHandedOut() throws Exception {
        assumeTrue(FreePorts.lockDirectoryUsable());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FreePortsTest.class.getName(), "5")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<Integer> theirs = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            for (String line = out.readLine(); !"held".equals(line); line = out.readLine()) {
                theirs.add(Integer.parseInt(line));
            }
            assertEquals(5, theirs.size());
            Set<Integer> ours = new HashSet<>();
            List<FreePorts.Claim> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                FreePorts.Claim claim = FreePorts.claim(LOW, HIGH);
                claims.add(claim);
                ours.add(claim.port());
            }
            assertEquals(5, ours.size(), "no port twice in one JVM either");
            ours.retainAll(theirs);
            assertEquals(Set.of(), ours, "ports held by the other process");
            // The range is now fully claimed.
            assertThrows(DriverException.class, () -> FreePorts.claim(LOW, HIGH));
            for (FreePorts.Claim claim : claims) {
                claim.release();
            }
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        // Once released (and the other process gone), the ports can be claimed again.
        FreePorts.Claim again = FreePorts.claim(LOW, HIGH);
        assertTrue(again.port() >= LOW && again.port() <= HIGH);
        again.release();
    }

    @Test
    void claimedPortsLieBelowTheEphemeralRange() throws Exception {
        int ephemeral;
        try (InputStream range = new FileInputStream("/proc/sys/net/ipv4/ip_local_port_range")) {
            ephemeral = Integer.parseInt(new String(range.readAllBytes()).trim().split("\\s+")[0]);
        }
        assumeTrue(FreePorts.lockDirectoryUsable() && ephemeral > 15_000);
        FreePorts.Claim claim = FreePorts.claim();
        try {
            assertTrue(claim.port() >= 1024 && claim.port() < ephemeral, "port " + claim.port() + ", ephemeral from " + ephemeral);
        } finally {
            claim.release();
        }
    }

    @Test
    void aPortClaimedAheadIsTheNextClaimAndStaysHeldUntilReleased() throws Exception {
        FreePorts.claimAhead();
        FreePorts.claimAhead(); // a second call keeps the first claim
        FreePorts.Claim ahead = FreePorts.claim();
        FreePorts.Claim next = FreePorts.claim();
        try {
            assertTrue(ahead.port() != next.port(), "the claim ahead is handed out once");
            if (ahead.lock() != null) {
                assertThrows(DriverException.class, () -> FreePorts.claim(ahead.port(), ahead.port()));
            }
        } finally {
            ahead.release();
            next.release();
        }
    }

    @Test
    void consecutivePortsAreClaimedTogether() throws Exception {
        assumeTrue(FreePorts.lockDirectoryUsable());
        // Three ports hold one pair, whichever it is.
        List<FreePorts.Claim> pair = FreePorts.claim(23_420, 23_422, 2);
        try {
            assertEquals(2, pair.size());
            assertEquals(pair.get(0).port() + 1, pair.get(1).port());
            for (FreePorts.Claim claim : pair) {
                assertThrows(DriverException.class, () -> FreePorts.claim(claim.port(), claim.port()), "held: " + claim);
            }
            assertThrows(DriverException.class, () -> FreePorts.claim(23_420, 23_422, 2));
        } finally {
            for (FreePorts.Claim claim : pair) {
                claim.release();
            }
        }
        for (FreePorts.Claim claim : FreePorts.claim(23_420, 23_422, 2)) {
            claim.release();
        }
    }
}
