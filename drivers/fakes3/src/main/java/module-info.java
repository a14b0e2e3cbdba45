/**
 * The {@code fakes3} driver: a throw-away FakeS3 (the Ruby gem {@code fakes3}) on 127.0.0.1,
 * its buckets in the data directory. Kept for scripts written for the original; for new ones,
 * the {@code s3rver} driver is tested against its real server. Needs {@code fakes3}
 * ({@code gem install fakes3}).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8989</td><td>HTTP port (0: a free one)</td></tr>
 * <tr><td>{@code --license}</td><td>none</td><td>the license key FakeS3 1.3 and later ask for
 *     ({@code --license}; new in pifpaf for the JVM)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_FAKES3_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code s3://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_HTTP_URL}</td><td>{@code http://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.fakes3 {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.fakes3.FakeS3Driver;
}
