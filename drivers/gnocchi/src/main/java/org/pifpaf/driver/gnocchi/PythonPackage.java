package org.pifpaf.driver.gnocchi;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pifpaf.api.Command;
import org.pifpaf.api.DriverException;

/**
 * Where a Python package is installed, asked of the interpreter that runs a program of it (its
 * script's {@code #!} line): Debian's {@code /usr/lib/python3/dist-packages}, a virtualenv's
 * {@code site-packages}, ... Locating it does not import it, so it takes a few tens of milliseconds.
 */
final class PythonPackage {

    private static final String FIND_SPEC =
            "import importlib.util, sys; print(importlib.util.find_spec(sys.argv[1]).submodule_search_locations[0])";

    private PythonPackage() {
    }

    /**
     * The command that prints the directory of {@code module}, run by the interpreter of
     * {@code script}.
     *
     * @throws DriverException if {@code script} does not start with a {@code #!} line
     */
    static Command locator(Path script, String module) throws IOException {
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            firstLine = reader.readLine();
        }
        if (firstLine == null || !firstLine.startsWith("#!") || firstLine.substring(2).isBlank()) {
            throw new DriverException(script + " has no #! line naming its Python interpreter: cannot tell where "
                    + module + " is installed");
        }
        // "#!/usr/bin/python3" or "#! /usr/bin/env python3": the interpreter and its arguments.
        List<String> interpreter = Arrays.asList(firstLine.substring(2).strip().split("\\s+"));
        return Command.of(Path.of(interpreter.get(0))).args(interpreter.subList(1, interpreter.size()))
                .args("-c", FIND_SPEC, module).label(module + "-package");
    }

    /** The directory {@link #locator} printed: the last line of its output (warnings may come first). */
    static Path directory(String locatorOutput) {
        List<String> lines = locatorOutput.strip().lines().toList();
        return Path.of(lines.get(lines.size() - 1).strip());
    }
}
