package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataOnMemoryTest {

    @Test
    void readsTheWordsOfTheEnvironmentAndTheConfigurationFile() {
        assertEquals(DataOnMemory.YES, DataOnMemory.parse("true"));
        assertEquals(DataOnMemory.YES, DataOnMemory.parse(" Yes "));
        assertEquals(DataOnMemory.YES, DataOnMemory.parse("1"));
        assertEquals(DataOnMemory.NO, DataOnMemory.parse("false"));
        assertEquals(DataOnMemory.NO, DataOnMemory.parse("0"));
        assertEquals(DataOnMemory.WHEN_ROOM, DataOnMemory.parse("AUTO"));
        for (DataOnMemory setting : DataOnMemory.values()) {
            assertEquals(setting, DataOnMemory.parse(setting.word()));
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> DataOnMemory.parse("sometimes"));
        assertEquals("'sometimes' is not a data-on-memory setting (true, false, auto)", e.getMessage());
    }

    @Test
    void aDirectorySetForDataWinsOverMemoryWhenRoom() {
        Path dir = Path.of("/var/tmp");
        assertEquals(dir, StartRequest.builder("x").tmpDir(dir).dataOnMemory(DataOnMemory.WHEN_ROOM).build().tmpDir());
        assertEquals(dir, StartRequest.builder("x").tmpDir(dir).dataOnMemory(DataOnMemory.NO).build().tmpDir());
    }

    @Test
    void aFileSystemIsLowWithLessThanATenthOrAQuarterGibibyteLeft() {
        long gib = 1L << 30;
        assertTrue(MemoryWatch.low(200L << 20, 100 * gib));
        assertTrue(MemoryWatch.low(gib, 12 * gib));
        assertFalse(MemoryWatch.low(2 * gib, 12 * gib));
        assertFalse(MemoryWatch.low(300L << 20, 2L << 30));
    }
}
