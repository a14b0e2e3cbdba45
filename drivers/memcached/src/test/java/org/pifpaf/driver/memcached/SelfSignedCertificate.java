package org.pifpaf.driver.memcached;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.pifpaf.api.Binary;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.MissingBinaries;

/**
 * A throw-away self-signed certificate made by {@code openssl}, and a test-only TLS client that
 * accepts it.
 *
 * @param chain the certificate (PEM)
 * @param key   its private key (PEM, unencrypted)
 */
record SelfSignedCertificate(Path chain, Path key) {

    /** Makes one in {@code dir}; skips the test (fails it in CI) if openssl cannot. */
    static SelfSignedCertificate createIn(Path dir) throws Exception {
        SelfSignedCertificate made = new SelfSignedCertificate(dir.resolve("c.pem"), dir.resolve("k.pem"));
        String executable = MissingBinaries.require(Binary.named("openssl").debian("openssl").brew("openssl")).toString();
        Process openssl = new ProcessBuilder(executable, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=localhost", "-days", "1", "-keyout", made.key().toString(),
                "-out", made.chain().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            openssl.destroyForcibly();
            DriverTestKit.skipUnlessCi("openssl could not make a test certificate");
        }
        // As root, memcached drops to the unprivileged user before it reads them.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(made.chain(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(made.key(), PosixFilePermissions.fromString("rw-r--r--"));
        return made;
    }

    /** Sockets that accept any server certificate: for tests against a self-signed one only. */
    static SSLSocketFactory trustingAnyServer() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context.getSocketFactory();
    }
}
