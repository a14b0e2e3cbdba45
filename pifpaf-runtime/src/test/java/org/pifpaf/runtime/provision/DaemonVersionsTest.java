package org.pifpaf.runtime.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which version {@code driver@version} takes, with version lists as Maven Central serves them. */
class DaemonVersionsTest {

    /** Some of zonky's PostgreSQL builds, in the repository's (unordered) order. */
    private static final List<String> ZONKY = List.of("9.6.24", "10.23.0", "16.4.0", "16.10.0", "17.2.0", "16.9.0",
            "13.18.0", "160.1.0");

    @Test
    void aMajorVersionTakesTheNewestOfThatMajorNotALongerNumber() {
        assertEquals(Optional.of("16.10.0"), DaemonVersions.newestMatching("16", ZONKY));
        assertEquals(Optional.of("9.6.24"), DaemonVersions.newestMatching("9", ZONKY));
        assertEquals(Optional.of("9.6.24"), DaemonVersions.newestMatching("9.6", ZONKY));
        assertFalse(DaemonVersions.matches("16", "160.1.0"));
        assertFalse(DaemonVersions.matches("1", "16.4.0"));
    }

    @Test
    void aFullVersionPinsIt() {
        assertEquals(Optional.of("16.4.0"), DaemonVersions.newestMatching("16.4.0", ZONKY));
        assertEquals(Optional.of("16.4.0"), DaemonVersions.newestMatching("16.4", ZONKY));
        assertEquals(Optional.empty(), DaemonVersions.newestMatching("16.5", ZONKY));
        assertEquals(Optional.empty(), DaemonVersions.newestMatching("12", ZONKY));
    }

    @Test
    void withoutARequestTheNewestRelease() {
        assertEquals(Optional.of("160.1.0"), DaemonVersions.newestMatching(null, ZONKY));
        assertEquals(Optional.of("160.1.0"), DaemonVersions.newestMatching("", ZONKY));
        assertEquals(Optional.empty(), DaemonVersions.newestMatching(null, List.of()));
    }

    @Test
    void anInstalledBinaryPrintingFewerPartsMatchesTheFullVersion() {
        // postgres --version says 16.4; zonky's artifact of the same release is 16.4.0.
        assertTrue(DaemonVersions.matches("16.4.0", "16.4"));
        assertTrue(DaemonVersions.matches("16", "16.4"));
        assertFalse(DaemonVersions.matches("16.4.1", "16.4"));
        assertFalse(DaemonVersions.matches("16", null));
    }

    @Test
    void preReleasesOnlyWhenTheRequestNamesTheirQualifier() {
        // OpenSearch's integ-test-zip on Maven Central has 3.0.0-alpha1 and -beta1 beside 3.0.0.
        List<String> opensearch = List.of("2.19.6", "3.0.0-alpha1", "3.0.0-beta1", "3.0.0");
        assertEquals(Optional.of("3.0.0"), DaemonVersions.newestMatching("3", opensearch));
        assertEquals(Optional.of("3.0.0"), DaemonVersions.newestMatching("3.0.0", opensearch));
        assertEquals(Optional.of("3.0.0-beta1"), DaemonVersions.newestMatching("3.0.0-beta1", opensearch));
        assertEquals(Optional.of("3.0.0"), DaemonVersions.newestMatching(null, opensearch));
        List<String> onlyBetas = List.of("3.0.0-alpha1", "3.0.0-beta1");
        assertEquals(Optional.empty(), DaemonVersions.newestMatching("3", onlyBetas));
    }

    @Test
    void orderIsNumericPartByPartWithPreReleasesBeforeTheirRelease() {
        List<String> versions = new ArrayList<>(List.of("16.10.0", "3.0.0", "10.1", "3.0.0-rc10", "9.6.24",
                "3.0.0-rc2", "16.4.0", "3.0.0-beta1"));
        versions.sort(DaemonVersions.ORDER);
        assertEquals(List.of("3.0.0-beta1", "3.0.0-rc2", "3.0.0-rc10", "3.0.0", "9.6.24", "10.1", "16.4.0", "16.10.0"),
                versions);
        assertTrue(DaemonVersions.ORDER.compare("16.4", "16.4.0") != 0, "distinct strings never tie");
    }

    @Test
    void theSummaryListsTheNewestReleaseOfEachMajor() {
        assertEquals("9.6.24, 10.23.0, 13.18.0, 16.10.0, 17.2.0, 160.1.0", DaemonVersions.summary(ZONKY));
        assertEquals("2.19.6, 3.0.0", DaemonVersions.summary(List.of("3.0.0-beta1", "2.19.6", "3.0.0")));
    }

    @Test
    void theNumberInAVersionLine() {
        assertEquals(Optional.of("16.4"), DaemonVersions.numberIn("postgres (PostgreSQL) 16.4 (Debian 16.4-1)"));
        assertEquals(Optional.of("7.0.15"), DaemonVersions.numberIn("Redis server v=7.0.15 sha=00000000:0"));
        assertEquals(Optional.empty(), DaemonVersions.numberIn("no version here"));
    }
}
