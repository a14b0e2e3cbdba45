package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomNamesTest {

    @Test
    void namesAreBase36AndDoNotRepeat() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = RandomNames.next();
            assertTrue(name.matches("[0-9a-z]{1,13}"), name);
            names.add(name);
        }
        assertEquals(1000, names.size());
    }

    @Test
    void longsUseAllSixtyFourBits() {
        long seen = 0;
        for (int i = 0; i < 200; i++) {
            seen |= RandomNames.nextLong();
        }
        assertEquals(-1L, seen, "some bit never set in 200 draws: " + Long.toBinaryString(seen));
    }
}
