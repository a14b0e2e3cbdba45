package org.pifpaf.testkit.contract;

import java.util.List;

/**
 * An HTTP route a fake serves: a {@code GET} of an exact path (query included) answered with a
 * status and a JSON body (templates), optionally only for a request carrying a header or HTTP
 * basic credentials, as the real daemon would check them (401 otherwise).
 */
public final class Route {

    private final String path;
    private final int status;
    private final String body;
    private final List<String> requirement;

    private Route(String path, int status, String body, List<String> requirement) {
        this.path = path;
        this.status = status;
        this.body = body;
        this.requirement = requirement;
    }

    /** A {@code GET} of {@code path} answered with {@code status} and the JSON {@code body}. */
    public static Route get(String path, int status, String body) {
        return new Route(path, status, body, List.of("none", "", ""));
    }

    /** Answered only when the request's header {@code name} is {@code value} (a template). */
    public Route withHeader(String name, String value) {
        return new Route(path, status, body, List.of("header", name, value));
    }

    /** Answered only for these HTTP basic credentials (templates). */
    public Route withBasicAuth(String user, String password) {
        return new Route(path, status, body, List.of("basic", user, password));
    }

    /** Method, path, status, body, then the requirement's kind and its two fields. */
    List<String> fields() {
        return List.of("GET", path, Integer.toString(status), body, requirement.get(0), requirement.get(1),
                requirement.get(2));
    }
}
