package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped bash completion knows the sub-commands, the drivers and each driver's options. */
class CompletionIT {

    private static final Path SCRIPT = Launcher.PIFPAF.getParent().resolve("../completion/pifpaf.bash").normalize();

    /** What bash offers after {@code line} (words separated by spaces). */
    private static String complete(String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                "source \"$0\"; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                        + " COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}; _complete_pifpaf 2>/dev/null;"
                        + " printf '%s\\n' \"${COMPREPLY[@]}\" | sort", SCRIPT.toString(), line), Map.of());
        assertEquals(0, result.exit(), result.toString());
        return result.stdout().trim();
    }

    @Test
    void theDistributionShipsIt() {
        assertEquals(true, Files.isRegularFile(SCRIPT), SCRIPT.toString());
    }

    @Test
    void completesSubCommandsDriversAndDriverOptions() throws Exception {
        assertEquals("list-drivers", complete("pifpaf list-d"));
        assertEquals("redis", complete("pifpaf run red"));
        assertEquals("--sentinel\n--sentinel-port", complete("pifpaf run redis --sen"));
        assertEquals("--ssl-ca-cert\n--ssl-chain-cert\n--ssl-key\n--ssl_ca_cert\n--ssl_chain_cert\n--ssl_key",
                complete("pifpaf run memcached --ssl"));
    }
}
