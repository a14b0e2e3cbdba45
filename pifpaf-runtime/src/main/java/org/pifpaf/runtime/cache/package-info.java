/**
 * Internal to the runtime, not exported: the template cache behind
 * {@link org.pifpaf.api.DriverContext#createFromTemplate}. Each entry is a directory holding a
 * copy of the tree and a manifest of it; entries appear by atomic rename, under a lock file, and
 * an entry that no longer matches its manifest or its key is rebuilt. Spare copies, made in the
 * background beside the data directories, serve repeated starts in one JVM.
 */
package org.pifpaf.runtime.cache;
