/**
 * The {@code httpbin} driver: a throw-away httpbin (the HTTP request and response service) on
 * 127.0.0.1, served by gunicorn with one worker of four threads. Needs {@code gunicorn}
 * (Debian package {@code gunicorn}) and the Python module {@code httpbin} importable by
 * gunicorn's Python (Debian package {@code python3-httpbin}); when the module is missing the
 * start fails with "httpbin (Python module) not found; install it with 'apt-get install
 * python3-httpbin'". It runs as whichever user runs pifpaf, root included, and reads no
 * gunicorn configuration: no configuration file, and {@code GUNICORN_CMD_ARGS} is ignored.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>5000</td><td>HTTP port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_HTTPBIN_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code http://127.0.0.1:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.httpbin {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.httpbin.HttpbinDriver;
}
