package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped completion in a real interactive zsh on a pseudo-terminal, set up as the README
 * tells zsh users: keys are typed, TAB pressed, and the edited line and the listed choices read
 * back from the screen.
 */
class ZshCompletionIT {

    private static final Path SCRIPT = Launcher.PIFPAF.getParent().resolve("../completion/pifpaf.bash").normalize();

    @Test
    void tabCompletesDriverNamesAndListsDriverOptions(@TempDir Path home) throws Exception {
        try (Zsh zsh = Zsh.start(home)) {
            assertEquals("pifpaf run redis ", zsh.type("pifpaf run red\t").buffer());

            Zsh.Shown ambiguous = zsh.type("pifpaf run redis --p\t");
            assertEquals("pifpaf run redis --p", ambiguous.buffer());
            assertTrue(ambiguous.screen().matches("(?s).*--password\\s+--port\\b.*"), ambiguous.screen());

            assertEquals("pifpaf run redis --port ", zsh.type("pifpaf run redis --po\t").buffer());
        }
    }

    /** An interactive zsh under script(1), with its own ZDOTDIR and HOME. */
    private static final class Zsh implements AutoCloseable {

        /** Generous: only a hung shell reaches it, and then the test fails instead of hanging. */
        private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
        private static final String PROMPT = "zsh-ready> ";
        private static final Pattern BUFFER = Pattern.compile("buffer=\\[(.*?)\\]\r?\n");
        private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?]*[A-Za-z]|[=>])");

        /** What one line of typing left: the line being edited, and what the screen showed meanwhile. */
        record Shown(String buffer, String screen) {
        }

        private final Process process;
        private final OutputStream keyboard;
        private final StringBuilder screen = new StringBuilder();

        private Zsh(Process process) {
            this.process = process;
            this.keyboard = process.getOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream()), "zsh-screen");
            reader.setDaemon(true);
            reader.start();
        }

        static Zsh start(Path home) throws Exception {
            Binaries.require("zsh", "zsh");
            Binaries.require("script", "bsdutils");
            // The machine's /etc/zsh/zshrc may call compinit or change key bindings: keep it out.
            Files.writeString(home.resolve(".zshenv"), "unsetopt GLOBAL_RCS\n");
            Files.writeString(home.resolve(".zshrc"), String.join("\n",
                    "PS1='" + PROMPT + "'",
                    "bindkey -e",
                    // -i: never ask about insecure directories (as root, fpath entries owned by
                    // another user count), since a question would stall the shell; the test needs
                    // none of them, only bashcompinit, which the completion script loads itself.
                    "autoload -U compinit && compinit -i",
                    "source '" + SCRIPT + "'",
                    // Ctrl-X b prints the line being edited, so the test reads it without parsing redraws.
                    "show-buffer() { zle -I; print -r -- \"buffer=[$BUFFER]\"; }",
                    "zle -N show-buffer",
                    "bindkey '^Xb' show-buffer",
                    ""));
            ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "exec zsh -i", "/dev/null")
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("ZSH") || name.equals("ENV"));
            env.putAll(Map.of("HOME", home.toString(), "ZDOTDIR", home.toString(), "TERM", "xterm",
                    "COLUMNS", "120", "LINES", "40", "SHELL", "/bin/sh",
                    "PATH", Launcher.PIFPAF.getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin")));
            Zsh zsh = new Zsh(builder.start());
            try {
                zsh.await(0, Pattern.compile(Pattern.quote(PROMPT)));
            } catch (AssertionError | RuntimeException e) {
                zsh.close();
                throw e;
            }
            return zsh;
        }

        /** Clears the line, types {@code keys}, then shows the line being edited. */
        Shown type(String keys) throws IOException, InterruptedException {
            int from = length();
            keyboard.write(("\u0015" + keys + "\u0018b").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            Matcher shown = await(from, BUFFER);
            String meanwhile;
            synchronized (screen) {
                meanwhile = screen.substring(from, from + shown.start());
            }
            return new Shown(shown.group(1), ESCAPES.matcher(meanwhile).replaceAll(""));
        }

        /** Waits for {@code pattern} in what the shell printed after {@code from}. */
        private Matcher await(int from, Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (System.nanoTime() < deadline && process.isAlive()) {
                String printed;
                synchronized (screen) {
                    printed = screen.substring(from);
                }
                Matcher matcher = pattern.matcher(printed);
                if (matcher.find()) {
                    return matcher;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("zsh never printed /" + pattern + "/; the screen:\n" + transcript());
        }

        private int length() {
            synchronized (screen) {
                return screen.length();
            }
        }

        private String transcript() {
            synchronized (screen) {
                return screen.toString();
            }
        }

        private void copy(InputStream output) {
            byte[] chunk = new byte[4096];
            try {
                for (int n; (n = output.read(chunk)) > 0; ) {
                    synchronized (screen) {
                        screen.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
            } catch (IOException e) {
                // the shell was killed: the screen is complete
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            // script(1) exits with its shell; should it linger, it goes too.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
