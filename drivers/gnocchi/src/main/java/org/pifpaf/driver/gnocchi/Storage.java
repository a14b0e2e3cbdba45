package org.pifpaf.driver.gnocchi;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pifpaf.api.DriverException;

/**
 * Where Gnocchi keeps its measures: the {@code [storage]} driver and settings that a
 * {@code --storage-url} names, read as the original pifpaf reads it (the URL's scheme is the
 * driver).
 *
 * @param driver   Gnocchi's storage driver: {@code file}, {@code s3}, {@code swift}, {@code ceph} or {@code redis}
 * @param settings its {@code [storage]} settings, in order
 */
record Storage(String driver, Map<String, String> settings) {

    /** The schemes Gnocchi has a storage driver for. */
    static final List<String> SCHEMES = List.of("file", "s3", "swift", "ceph", "redis");

    Storage {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The storage {@code url} names, or files in {@code defaultDir} when it is {@code null}.
     *
     * @throws DriverException when it is not a URL, or names no storage driver of Gnocchi's
     */
    static Storage of(String url, Path defaultDir) {
        if (url == null || url.equals("file://")) {
            return files(defaultDir.toString()); // java.net.URI refuses an empty authority and path
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DriverException("--storage-url " + url + " is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Map<String, String> settings = new LinkedHashMap<>();
        switch (scheme) {
            case "file":
                return files(uri.getPath() == null || uri.getPath().isEmpty() ? defaultDir.toString() : uri.getPath());
            case "s3":
                settings.put("s3_endpoint_url", "http://" + hostAndPort(uri) + path(uri));
                settings.put("s3_access_key_id", user(uri, "S3RVER"));
                settings.put("s3_secret_access_key", password(uri, "S3RVER"));
                break;
            case "swift":
                settings.put("swift_authurl", "http://" + hostAndPort(uri) + path(uri));
                settings.put("swift_user", user(uri, "admin:admin"));
                settings.put("swift_key", password(uri, "admin"));
                break;
            case "ceph":
                // ceph:///path/to/ceph.conf, i.e. "ceph://" followed by CEPH_CONF
                if (uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw new DriverException("--storage-url " + url + " names no ceph.conf (ceph:///path/to/ceph.conf)");
                }
                settings.put("ceph_conffile", uri.getPath());
                break;
            case "redis":
                settings.put("redis_url", url);
                break;
            default:
                throw new DriverException("Storage driver " + (scheme.isEmpty() ? "(none)" : scheme)
                        + " is not supported: --storage-url takes a URL whose scheme is one of " + SCHEMES);
        }
        return new Storage(scheme, settings);
    }

    private static Storage files(String directory) {
        return new Storage("file", Map.of("file_basepath", directory));
    }

    /** {@code host[:port]}, the host lower-cased; the original wrote {@code :None} for no port. */
    private static String hostAndPort(URI uri) {
        if (uri.getHost() == null) {
            throw new DriverException("--storage-url " + uri + " names no host");
        }
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The path as written (the original doubled its leading slash in the S3 endpoint). */
    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    private static String user(URI uri, String otherwise) {
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return otherwise;
        }
        int colon = info.indexOf(':');
        return decode(colon < 0 ? info : info.substring(0, colon));
    }

    private static String password(URI uri, String otherwise) {
        String info = uri.getRawUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        return colon < 0 ? otherwise : decode(info.substring(colon + 1));
    }

    /** Percent-decoding of a URL part; a {@code +} stays a plus, unlike in a form. */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
