package org.pifpaf.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.provision.LoggedTransfers;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * A {@link StartRequest}'s settings as its builder set them, {@code null} where left unset, and
 * what an unset one comes to in the request's environment.
 */
final class RequestSettings {

    final DaemonSpec spec;
    final Map<String, String> options = new LinkedHashMap<>();
    String prefix = StartRequest.DEFAULT_PREFIX;
    Duration timeout;
    boolean keepData;
    /** Null: {@code $PIFPAF_RUN_AS}, else {@link StartRequest#DEFAULT_RUN_AS}. */
    String runAs;
    boolean echoOutput;
    /** Null: {@code $TMPDIR}, else Java's temporary directory (or memory, see {@link DataOnMemory}). */
    Path tmpDir;
    /** Null: {@code $PIFPAF_DATA_ON_MEMORY}, else {@link DataOnMemory#NO}. */
    DataOnMemory dataOnMemory;
    Environment environment = Environment.process();
    StartProgress progress = StartProgress.NONE;
    boolean cacheEnabled = true;
    Path cacheDir;
    boolean detachBackgroundWork;
    final List<Path> binaryDirectories = new ArrayList<>();
    ProvisionMode provisioning;
    Path provisionDir;
    TransferProgress transferProgress = new LoggedTransfers();

    RequestSettings(DaemonSpec spec) {
        this.spec = spec;
    }

    RequestSettings copy() {
        RequestSettings c = new RequestSettings(spec);
        c.options.putAll(options);
        c.prefix = prefix;
        c.timeout = timeout;
        c.keepData = keepData;
        c.runAs = runAs;
        c.echoOutput = echoOutput;
        c.tmpDir = tmpDir;
        c.dataOnMemory = dataOnMemory;
        c.environment = environment;
        c.progress = progress;
        c.cacheEnabled = cacheEnabled;
        c.cacheDir = cacheDir;
        c.detachBackgroundWork = detachBackgroundWork;
        c.binaryDirectories.addAll(binaryDirectories);
        c.provisioning = provisioning;
        c.provisionDir = provisionDir;
        c.transferProgress = transferProgress;
        return c;
    }

    String resolvedRunAs() {
        return runAs != null ? runAs : environment.nonBlank("PIFPAF_RUN_AS").orElse(StartRequest.DEFAULT_RUN_AS);
    }

    DataOnMemory resolvedDataOnMemory() {
        return dataOnMemory != null ? dataOnMemory : DataOnMemory.fromEnvironment(environment, DataOnMemory.NO);
    }

    /** The directory data directories are made in: looks for a memory file system when memory is asked for. */
    Path resolvedTmpDir(DataOnMemory onMemoryAsked) {
        Path asked = tmpDir != null ? tmpDir : environment.tmpDir();
        // A directory set for data wins over memory the request did not insist on.
        boolean onMemory = onMemoryAsked == DataOnMemory.YES || onMemoryAsked == DataOnMemory.WHEN_ROOM && tmpDir == null;
        return onMemory ? MemoryDirectory.orElse(asked, onMemoryAsked == DataOnMemory.YES, environment) : asked;
    }

    Optional<Path> resolvedCacheDir() {
        return cacheEnabled ? Optional.of(cacheDir != null ? cacheDir : TemplateCache.defaultRoot(environment)) : Optional.empty();
    }

    ProvisionMode resolvedProvisioning() {
        return provisioning != null ? provisioning : ProvisionMode.fromEnvironment(environment);
    }
}
