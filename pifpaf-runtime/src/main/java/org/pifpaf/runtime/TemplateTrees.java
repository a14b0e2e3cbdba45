package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.UnixUser;

/**
 * The trees one start made from templates: created through the template cache (or by their
 * creators when it is off), and removed in bulk when the daemon stops.
 */
final class TemplateTrees {

    private final String driver;
    private final Path dataDir;
    private final StartSettings settings;
    private final List<Path> trees = new ArrayList<>();

    TemplateTrees(String driver, Path dataDir, StartSettings settings) {
        this.driver = driver;
        this.dataDir = dataDir;
        this.settings = settings;
    }

    /** Creates {@code target} from {@code template}: see {@link org.pifpaf.api.DriverContext#createFromTemplate}. */
    void create(Template template, Path target) {
        StartSettings.checkNotInterrupted();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DriverException("cannot create " + target + " from template " + template.name()
                    + ": it exists already");
        }
        Path tree = target.toAbsolutePath().normalize();
        if (tree.startsWith(dataDir) && !tree.equals(dataDir)) {
            add(tree); // removed in bulk at the end; never anything outside the data directory
        }
        TemplateCache cache = settings.templates();
        try {
            if (cache == null) {
                template.creator().create(target);
            } else {
                // The creator's commands run as the unprivileged user when pifpaf is root: the
                // files' owner is part of what is cached.
                UnixUser user = settings.unprivilegedUser();
                cache.create(driver, template, user != null ? user.name() : UnixUser.currentName(), target);
            }
        } catch (InterruptedException e) {
            throw new StartInterruptedException();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DriverException("cannot create " + target + " from template " + template.name() + ": " + e, e);
        }
        StartSettings.checkNotInterrupted();
    }

    private synchronized void add(Path tree) {
        trees.add(tree);
    }

    /**
     * Removes the trees, the bulk of the data directory: through the template cache (see
     * {@link TemplateCache#dispose}), else with {@code rm -rf}.
     *
     * @throws IOException at the first that cannot be removed
     */
    synchronized void dispose() throws IOException {
        for (Path tree : trees) {
            if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a start that failed before making it
            }
            if (settings.templates() != null) {
                settings.templates().dispose(tree, settings.detachBackgroundWork());
            } else {
                FileTrees.deleteLarge(tree);
            }
        }
        trees.clear();
    }
}
