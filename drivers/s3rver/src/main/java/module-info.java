/**
 * The {@code s3rver} driver: a throw-away S3rver (a fake Amazon S3 written for Node.js) on
 * 127.0.0.1, keeping its buckets in {@code <data dir>/buckets}. Needs {@code s3rver}, which no
 * Debian package or Homebrew formula installs: it comes from npm, with
 * {@code npm install -g s3rver} (version 3), which is what a missing one's message says. It
 * also needs {@code node} on {@code PATH} (Debian package
 * {@code nodejs}), which runs the {@code s3rver} script. It runs as whichever user runs pifpaf,
 * root included.
 *
 * <p>Clients use S3rver's fixed credentials, access key {@code S3RVER} and secret key
 * {@code S3RVER} (S3rver checks the access key but not signature version 4), region
 * {@code us-east-1}, and path-style bucket addressing ({@code http://localhost:<port>/<bucket>/<key>}).
 * S3rver stores request bodies as they come, so clients must not upload in aws-chunked encoding:
 * with the AWS SDK for Java 2, which uses it over plain HTTP, set
 * {@code S3Configuration.builder().chunkedEncodingEnabled(false)}. The URLs name
 * {@code localhost}, as the original pifpaf's did, while the server listens on the IPv4
 * loopback address only.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>4568</td><td>HTTP port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_S3RVER_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code s3://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_HTTP_URL}</td><td>{@code http://localhost:<port>}, the endpoint for
 *     S3 clients</td></tr>
 * </table>
 */
module org.pifpaf.driver.s3rver {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.s3rver.S3rverDriver;
}
