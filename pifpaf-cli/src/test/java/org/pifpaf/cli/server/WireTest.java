package org.pifpaf.cli.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol's lines: what the server writes, decoded by bash exactly as the launcher's client
 * decodes it ({@code read -r}, then {@code printf -v value %b}), gives back every value unchanged,
 * and nothing in a value is ever evaluated.
 */
class WireTest {

    private static final List<String> AWKWARD = List.of("plain", "", "with space", "it's \"quoted\"",
            "two\nlines\n", "trailing backslash \\", "\\n is not a newline", "\\0101 \\x41 \\u00e9 \\c stop",
            "$HOME $(touch /tmp/pifpaf-wire-test-pwned) `id` ${PATH}", "%s %d %b %%", "tab\there, cr\r, bell\u0007",
            "unicode: é ü 日本 🐘", "-n", "-e", "*", "semi; colon && or || pipe |");

    @TempDir
    Path dir;

    @Test
    void bashDecodesEveryValueAsItWas() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (String value : AWKWARD) {
            lines.writeBytes(Wire.line("x NAME", value));
        }
        Path file = Files.write(dir.resolve("lines"), lines.toByteArray());
        // The client's decoding, each value then written NUL-terminated for this test to read back.
        String script = "while IFS= read -r line; do line=${line#x }; printf -v value '%b' \"${line#* }\";"
                + " printf '%s\\0' \"$value\"; done < \"$1\"";
        Process bash = new ProcessBuilder("bash", "-c", script, "decode", file.toString()).start();
        String decoded = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor());
        assertEquals(AWKWARD, List.of(decoded.split("\0", -1)).subList(0, AWKWARD.size()));
        assertTrue(Files.notExists(Path.of("/tmp/pifpaf-wire-test-pwned")), "nothing was evaluated");
    }

    @Test
    void aLineIsOneLineWhateverTheValue() {
        byte[] line = Wire.line("e", "a\nb\\c\n");
        assertArrayEquals("e a\\nb\\\\c\\n\n".getBytes(StandardCharsets.UTF_8), line);
    }

    @Test
    void clientLinesAreReadStrictly() {
        assertEquals(Optional.of(new Wire.ClientLine('R', "c.123.456", 123, 0)), Wire.parse("R c.123.456"));
        assertEquals(Optional.of(new Wire.ClientLine('D', "c.7.1", 7, 130)), Wire.parse("D c.7.1 130"));
        assertEquals(Optional.of(new Wire.ClientLine('S', "c.7.1", 7, 15)), Wire.parse("S c.7.1 15"));
        for (String bad : List.of("", "R", "R c.1.2 3", "D c.1.2", "S c.1.2 x", "R ../../etc/passwd", "R c.1.2/x",
                "X c.1.2 1", "R c.1.2 ", " R c.1.2")) {
            assertEquals(Optional.empty(), Wire.parse(bad), bad);
        }
    }
}
