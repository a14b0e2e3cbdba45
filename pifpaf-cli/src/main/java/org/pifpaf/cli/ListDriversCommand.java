package org.pifpaf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.commandline.UserConfig;
import org.pifpaf.runtime.inventory.DriverInventory;
import org.pifpaf.runtime.inventory.VersionCache;
import org.pifpaf.runtime.provision.DriverProvisions;
import org.pifpaf.runtime.provision.Provisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pifpaf list-drivers}: every driver, sorted, with origin and availability. */
@Command(name = "list-drivers", aliases = "list", mixinStandardHelpOptions = true,
        description = "List the drivers, where each comes from, whether its binaries are installed, and which"
                + " versions of its daemon are provisioned (fetched and kept) or provisionable.")
final class ListDriversCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, yaml }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
    Format output;

    private final DriverRegistry registry;
    private final Invocation invocation;

    /** @param invocation whose environment finds the binaries, and whose standard output gets the list */
    ListDriversCommand(DriverRegistry registry, Invocation invocation) {
        this.registry = registry;
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws IOException {
        Environment environment = invocation.environment();
        UserConfig config;
        try {
            config = UserConfig.load(UserConfig.defaultFile(environment), registry, environment);
        } catch (InvalidRequestException e) {
            return Usage.error(invocation.err(), e.getMessage());
        }
        VersionCache versions = VersionCache.load(config.effectiveCacheDir().path().resolve(VersionCache.FILE_NAME));
        List<DriverDescriptor> drivers = registry.drivers();
        List<DriverInventory.Entry> entries = DriverInventory.of(drivers, versions, environment);
        versions.save();
        // Read from the trees' directory only: listing never loads the resolver.
        Provisioner provisioner = Provisioner.shared(DriverRun.provisionDir(config), environment);
        List<Optional<DriverProvisions.Status>> provisioning = drivers.stream()
                .map(d -> DriverProvisions.status(d.driver(), provisioner)).toList();
        PrintStream out = invocation.out();
        switch (output) {
            case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(asData(entries, provisioning)));
            case yaml -> out.print(new YAMLMapper().writeValueAsString(asData(entries, provisioning)));
            default -> out.print(table(entries, provisioning, invocation.terminal().colourOnStdout(),
                    provisioner.platform()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> asData(List<DriverInventory.Entry> entries,
                                                    List<Optional<DriverProvisions.Status>> provisioning) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            DriverInventory.Entry entry = entries.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", entry.name());
            item.put("description", entry.description());
            item.put("origin", entry.origin());
            item.put("driverVersion", entry.driverVersion());
            item.put("available", entry.available());
            Map<String, Object> binaries = new LinkedHashMap<>();
            entry.found().forEach((name, found) -> {
                Map<String, Object> binary = new LinkedHashMap<>();
                binary.put("path", found.path());
                binary.put("version", found.version());
                binaries.put(name, binary);
            });
            item.put("binaries", binaries);
            item.put("missing", entry.missing().entrySet().stream()
                    .map(m -> m.getKey() + " (" + m.getValue() + ")").toList());
            List<Map<String, Object>> nested = new ArrayList<>();
            for (DriverInventory.Nested needed : entry.nested()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", needed.name());
                one.put("when", needed.condition());
                one.put("available", needed.available());
                one.put("provider", needed.provider());
                nested.add(one);
            }
            item.put("needs", nested);
            provisioning.get(i).ifPresent(status -> {
                Map<String, Object> provisioned = new LinkedHashMap<>();
                provisioned.put("artifacts", status.artifacts());
                provisioned.put("provisionable", status.provisionable());
                provisioned.put("kept", status.kept());
                item.put("provisioning", provisioned);
            });
            data.add(item);
        }
        return data;
    }

    private static String table(List<DriverInventory.Entry> entries,
                                List<Optional<DriverProvisions.Status>> provisioning, boolean colour, String platform) {
        List<String[]> rows = new ArrayList<>();
        // STATUS second, where scripts (and the original's users) read it; PROVISIONED after it.
        rows.add(new String[] {"NAME", "STATUS", "PROVISIONED", "DRIVER", "NEEDS", "ORIGIN", "DESCRIPTION"});
        for (int i = 0; i < entries.size(); i++) {
            DriverInventory.Entry entry = entries.get(i);
            rows.add(new String[] {entry.name(), status(entry), provisioned(provisioning.get(i), platform),
                    entry.driverVersion().isEmpty() ? "-" : entry.driverVersion(), needs(entry),
                    shortOrigin(entry.origin()), entry.description()});
        }
        int[] widths = new int[rows.get(0).length - 1];
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
                    // Missing but provisionable: it still starts (fetched on first use), so yellow, not red.
                    cell = Terminal.paint(cell, row[1].startsWith("available") ? 32
                            : row[2].equals("-") || row[2].startsWith("not for") ? 31 : 33, colour);
                }
                out.append(cell);
            }
            out.append(row[widths.length]).append(System.lineSeparator());
        }
        // How to install what is missing goes below the table, once each: in the STATUS column
        // it would make that column as wide as the longest hint.
        Map<String, String> hints = new LinkedHashMap<>();
        entries.forEach(entry -> missingItems(entry).forEach(hints::putIfAbsent));
        if (!hints.isEmpty()) {
            out.append(System.lineSeparator()).append("Missing:").append(System.lineSeparator());
            hints.forEach((item, hint) -> out.append("  ").append(item).append(": ").append(hint)
                    .append(System.lineSeparator()));
        }
        return out.toString();
    }

    /**
     * Whether the driver's daemon can be fetched, and which versions are kept: {@code 16.10.0,
     * 17.6.0}, {@code provisionable} (none kept yet), {@code not for linux-arm64}, or {@code -}
     * (it declares nothing to fetch).
     */
    private static String provisioned(Optional<DriverProvisions.Status> status, String platform) {
        if (status.isEmpty()) {
            return "-";
        }
        if (!status.get().kept().isEmpty()) {
            return String.join(", ", status.get().kept());
        }
        return status.get().provisionable() ? "provisionable" : "not for " + platform;
    }

    /** The drivers it starts: {@code postgresql, redis?} (? for those only sometimes started), each marked when missing. */
    private static String needs(DriverInventory.Entry entry) {
        if (entry.nested().isEmpty()) {
            return "-";
        }
        List<String> names = new ArrayList<>();
        for (DriverInventory.Nested needed : entry.nested()) {
            names.add(needed.name() + (needed.condition() != null ? "?" : "") + (needed.available() ? "" : " (missing)"));
        }
        return String.join(", ", names);
    }

    /** The distribution's own drivers read as {@code drivers/x.jar}; others keep their full path. */
    private static String shortOrigin(String origin) {
        String home = System.getProperty("pifpaf.home");
        return home != null && origin.startsWith(home + "/") ? origin.substring(home.length() + 1) : origin;
    }

    private static String status(DriverInventory.Entry entry) {
        if (!entry.available()) {
            return "missing " + String.join(", ", missingItems(entry).keySet());
        }
        String versions = String.join("/", entry.versions());
        return versions.isEmpty() ? "available" : "available " + versions;
    }

    /**
     * What keeps the driver from starting, each with how to get it: its binaries and
     * distributions ({@code vault} → {@code install it with ...}), and the drivers it always
     * nests ({@code driver echo} → {@code it comes with ...}).
     */
    private static Map<String, String> missingItems(DriverInventory.Entry entry) {
        Map<String, String> items = new LinkedHashMap<>(entry.missing());
        entry.nested().stream().filter(n -> !n.available() && n.condition() == null)
                .forEach(n -> items.put("driver " + n.name(), "it comes with " + n.provider()));
        return items;
    }
}
