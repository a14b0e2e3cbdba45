package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pifpaf.api.DriverException;

/** Values are written so that oslo.config reads them back unchanged. */
class OsloConfigTest {

    @Test
    void sectionsAndKeysComeInTheOrderTheyWereSet() {
        String text = new OsloConfig().set("DEFAULT", "debug", "False").set("api", "port", "8041")
                .set("DEFAULT", "verbose", "True").toString();
        assertEquals("[DEFAULT]\ndebug = False\nverbose = True\n\n[api]\nport = 8041\n", text);
    }

    @Test
    void dollarsAreDoubledAndValuesWhoseEndsWouldBeLostAreQuoted() {
        assertEquals("[s]\nk = pa$$$$word\n", new OsloConfig().set("s", "k", "pa$$word").toString());
        assertEquals("[s]\nk = \" padded \"\n", new OsloConfig().set("s", "k", " padded ").toString());
        assertEquals("[s]\nk = \"'quoted'\"\n", new OsloConfig().set("s", "k", "'quoted'").toString());
        assertEquals("[s]\nk = \"\"\"\n", new OsloConfig().set("s", "k", "\"").toString());
        assertEquals("[s]\nk = \n", new OsloConfig().set("s", "k", "").toString());
    }

    @Test
    void whatCannotBeWrittenIsRejected() {
        assertThrows(DriverException.class, () -> new OsloConfig().set("s", "k", "two\nlines").toString());
        assertThrows(DriverException.class, () -> new OsloConfig().set("s", "k", "back\\$slash").toString());
    }
}
