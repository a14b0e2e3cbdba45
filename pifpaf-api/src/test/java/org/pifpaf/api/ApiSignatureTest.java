package org.pifpaf.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API's public surface, compared with {@code api-signature.txt}. Drivers built against this
 * API must keep working with later versions of the same major version: a change here is a
 * decision. Additions (new types, new default methods) are compatible: update the snapshot.
 * Removals and changed signatures break drivers: they need a new major version.
 */
class ApiSignatureTest {

    private static final List<Class<?>> TYPES = List.of(Binary.class, Command.class, DaemonDriver.class,
            DaemonProcess.class, DriverContext.class, DriverContext.CleanupStep.class, DriverException.class,
            DriverOption.class, DriverOption.Type.class, InstalledDistribution.class, JavaDistribution.class,
            Launch.class, MissingBinaryException.class, MissingDistributionException.class,
            MissingDriverException.class, MissingSoftwareException.class, NestedDaemon.class, NestedDriver.class,
            NestedRequest.class, ProcessFailedException.class, Provision.class, Provision.Layout.class, Ready.class,
            Ready.AllOf.class, Ready.CommandSucceeds.class, Ready.Http.class, Ready.LogLine.class,
            Ready.TcpPort.class, Ready.UnixSocket.class, RunningDaemon.class, Signal.class, Template.class,
            Template.Creator.class);

    @Test
    void thePublicSurfaceIsTheRecordedOne() throws IOException {
        String actual = signature();
        if (Boolean.getBoolean("pifpaf.api.update")) {
            // mvn test -pl pifpaf-api -Dpifpaf.api.update=true rewrites the snapshot, for review in the diff.
            Files.writeString(Path.of("src/test/resources/api-signature.txt"), actual);
            return;
        }
        String recorded;
        try (InputStream in = getClass().getResourceAsStream("/api-signature.txt")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(recorded, actual, "The public API changed. If intended, copy the new signature into "
                + "pifpaf-api/src/test/resources/api-signature.txt (and, for anything but additions, plan a new "
                + "major version).");
    }

    @Test
    void everyPublicTypeOfThePackageIsInTheSnapshot() throws Exception {
        Path classes = Path.of(DaemonDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/pifpaf/api");
        List<String> published;
        try (Stream<Path> files = Files.list(classes)) {
            published = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> "org.pifpaf.api." + name.substring(0, name.length() - ".class".length()).replace('$', '.'))
                    .filter(ApiSignatureTest::isPublic)
                    .sorted().toList();
        }
        assertEquals(published, TYPES.stream().map(Class::getCanonicalName).sorted().toList(),
                "a public API type is missing from TYPES (and so from the snapshot)");
    }

    private static boolean isPublic(String canonicalName) {
        String binaryName = canonicalName;
        for (int dot = binaryName.lastIndexOf('.'); dot > 0; dot = binaryName.lastIndexOf('.', dot - 1)) {
            try {
                Class<?> type = Class.forName(binaryName);
                return Modifier.isPublic(type.getModifiers());
            } catch (ClassNotFoundException e) {
                // A nested type: its binary name has '$' where the canonical name has '.'.
                binaryName = binaryName.substring(0, binaryName.lastIndexOf('.')) + "$"
                        + binaryName.substring(binaryName.lastIndexOf('.') + 1);
            }
        }
        return false;
    }

    static String signature() {
        StringBuilder out = new StringBuilder();
        TYPES.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(type -> {
            out.append(Modifier.toString(type.getModifiers() & ~Modifier.STATIC)).append(' ')
                    .append(kind(type)).append(' ').append(type.getName());
            if (type.getSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
                out.append(" extends ").append(type.getSuperclass().getName());
            }
            out.append('\n');
            List<String> members = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    members.add("  field " + Modifier.toString(field.getModifiers()) + " " + field.getGenericType().getTypeName()
                            + " " + field.getName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    members.add("  constructor " + parameters(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    members.add("  method " + Modifier.toString(method.getModifiers() & ~Modifier.TRANSIENT)
                            + (method.isDefault() ? " default" : "") + " " + method.getGenericReturnType().getTypeName()
                            + " " + method.getName() + parameters(method));
                }
            }
            members.stream().sorted().forEach(member -> out.append(member).append('\n'));
        });
        return out.toString();
    }

    private static String kind(Class<?> type) {
        return type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
    }

    private static String parameters(Executable executable) {
        return Arrays.stream(executable.getGenericParameterTypes()).map(t -> t.getTypeName())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
