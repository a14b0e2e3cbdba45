package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The supervisor's report to the foreground survives any value. */
class HandshakeTest {

    @Test
    void readyCarriesEveryValueAndTheOrder() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("B", "multi\nline\r\nvalue with \\n literal");
        variables.put("A", "x=y");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Handshake.ready(new PrintStream(bytes, true, StandardCharsets.UTF_8), variables, 42);
        Handshake.Outcome outcome = Handshake.read(new BufferedReader(new StringReader(bytes.toString(StandardCharsets.UTF_8))));
        assertEquals(0, outcome.status());
        assertEquals(42, outcome.supervisorPid());
        assertEquals(variables, outcome.variables());
        assertEquals(java.util.List.of("B", "A"), java.util.List.copyOf(outcome.variables().keySet()));
    }

    @Test
    void failureAndSilenceAreFailures() throws Exception {
        assertEquals(2, Handshake.read(new BufferedReader(new StringReader("FAILED 2\n"))).status());
        assertEquals(1, Handshake.read(new BufferedReader(new StringReader(""))).status());
    }
}
