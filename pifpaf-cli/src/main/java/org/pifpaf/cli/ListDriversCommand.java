package org.pifpaf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.UserConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pifpaf list-drivers}: every driver, sorted, with origin and availability. */
@Command(name = "list-drivers", aliases = "list", mixinStandardHelpOptions = true,
        description = "List the drivers, where each comes from, and whether its binaries are installed.")
final class ListDriversCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, yaml }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
    Format output;

    private final DriverRegistry registry;

    ListDriversCommand(DriverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        Path cacheDir;
        try {
            cacheDir = UserConfig.load(UserConfig.defaultFile(), registry).effectiveCacheDir().path();
        } catch (InvalidRequestException e) {
            return Usage.error(e.getMessage());
        }
        VersionCache versions = VersionCache.load(cacheDir.resolve(VersionCache.FILE_NAME));
        List<DriverInventory.Entry> entries = DriverInventory.of(registry.drivers(), versions);
        versions.save();
        switch (output) {
            case json -> System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(asData(entries)));
            case yaml -> System.out.print(new YAMLMapper().writeValueAsString(asData(entries)));
            default -> System.out.print(table(entries));
        }
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> asData(List<DriverInventory.Entry> entries) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (DriverInventory.Entry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", entry.name());
            item.put("description", entry.description());
            item.put("origin", entry.origin());
            item.put("available", entry.available());
            Map<String, Object> binaries = new LinkedHashMap<>();
            entry.binaries().forEach((name, found) -> {
                Map<String, Object> binary = new LinkedHashMap<>();
                binary.put("path", found.path());
                binary.put("version", found.version());
                binaries.put(name, binary);
            });
            item.put("binaries", binaries);
            item.put("missing", entry.missing());
            data.add(item);
        }
        return data;
    }

    private static String table(List<DriverInventory.Entry> entries) {
        boolean colour = Terminal.colourOnStdout();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "STATUS", "ORIGIN", "DESCRIPTION"});
        for (DriverInventory.Entry entry : entries) {
            rows.add(new String[] {entry.name(), status(entry), shortOrigin(entry.origin()), entry.description()});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < widths.length; i++) {
                String cell = String.format("%-" + widths[i] + "s  ", row[i]);
                if (r == 0) {
                    cell = Terminal.paint(cell, 1, colour); // bold header
                } else if (i == 1) {
                    cell = Terminal.paint(cell, row[1].startsWith("available") ? 32 : 31, colour);
                }
                out.append(cell);
            }
            out.append(row[3]).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The distribution's own drivers read as {@code drivers/x.jar}; others keep their full path. */
    private static String shortOrigin(String origin) {
        String home = System.getProperty("pifpaf.home");
        return home != null && origin.startsWith(home + "/") ? origin.substring(home.length() + 1) : origin;
    }

    private static String status(DriverInventory.Entry entry) {
        if (!entry.available()) {
            return "missing " + String.join(", ", entry.missing());
        }
        String versions = entry.binaries().values().stream()
                .map(DriverInventory.Found::version).filter(v -> v != null).distinct()
                .reduce((a, b) -> a + "/" + b).orElse("");
        return versions.isEmpty() ? "available" : "available " + versions;
    }
}
