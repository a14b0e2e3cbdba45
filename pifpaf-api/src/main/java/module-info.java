/**
 * The pifpaf driver SPI.
 *
 * <p>A driver implements {@link org.pifpaf.api.DaemonDriver} and declares it with
 * {@code provides org.pifpaf.api.DaemonDriver with ...} (and, for class-path users, a
 * {@code META-INF/services/org.pifpaf.api.DaemonDriver} entry). Everything a driver needs at run
 * time comes from the {@link org.pifpaf.api.DriverContext} the runtime hands to it.
 *
 * <p>This module has no dependencies: it logs through {@link java.lang.System.Logger}.
 */
module org.pifpaf.api {
    exports org.pifpaf.api;
}
