package org.jiuzhu.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the application under test, and only to it (127.0.0.1): one shared client, sessions with
 * their own cookies (a browser) or HTTP Basic credentials (the REST API). Every request has a timeout
 * and is timed under a measure; an unexpected status counts as that measure's error.
 */
final class Web {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    /** A response, and whether it was the expected one. */
    record Response(int status, String body, HttpResponse<String> raw, boolean ok) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new BenchFailure("Not JSON: " + snippet(body), e);
            }
        }

        String location() {
            return raw == null ? null : raw.headers().firstValue("Location").orElse(null);
        }

        Response require() {
            if (!ok) {
                throw new BenchFailure("Unexpected response " + status + ": " + snippet(body));
            }
            return this;
        }
    }

    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }

        BenchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final Stats stats;

    Web(int port, Duration timeout, Stats stats) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
        this.stats = stats;
    }

    /** The same client and server, timing under other stats (warm-up, another phase). */
    Web withStats(Stats other) {
        return new Web(this, other);
    }

    private Web(Web web, Stats stats) {
        this.client = web.client;
        this.base = web.base;
        this.timeout = web.timeout;
        this.stats = stats;
    }

    Stats stats() {
        return stats;
    }

    Session browser() {
        return new Session(null);
    }

    Session basic(String user, String password) {
        return new Session("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser (cookies) or a REST client (Basic credentials). */
    final class Session {

        private final String authorization;
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        private Session(String authorization) {
            this.authorization = authorization;
        }

        Response get(String measure, String path) {
            return send(measure, request(path).GET(), 200);
        }

        Response get(String measure, String path, int... expected) {
            return send(measure, request(path).GET(), expected);
        }

        Response postJson(String measure, String path, Object body, int... expected) {
            return send(measure, request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)), expected);
        }

        Response putJson(String measure, String path, Object body, int... expected) {
            return send(measure, request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)), expected);
        }

        /** A form post as the browser sends it, with the CSRF token of a page it loaded before. */
        Response postForm(String measure, String path, Map<String, String> fields, String csrfToken, int... expected) {
            Map<String, String> body = new LinkedHashMap<>(fields);
            if (csrfToken != null) {
                body.put("_csrf", csrfToken);
            }
            String encoded = body.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(measure, request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)), expected);
        }

        Response postMultipart(String measure, String path, Map<String, String> fields, Map<String, byte[]> files,
                               String csrfToken, int... expected) {
            String boundary = "----jiuzhubench" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            files.forEach((name, content) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(content);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = request(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (csrfToken != null) {
                request.header("X-CSRF-TOKEN", csrfToken);
            }
            return send(measure, request, expected);
        }

        /** Logs in on our login page (which also logs into the Camunda webapps). */
        void login(String user, String password) {
            String token = csrfToken(get("setup: login page", "/login").require().body());
            Response response = postForm("setup: login", "/login", Map.of("username", user, "password", password),
                    token, 302).require();
            if (response.location() == null || response.location().contains("error")) {
                throw new BenchFailure("Login failed for " + user + ": " + response.location());
            }
        }

        String cookie(String name) {
            return cookies.get(name);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Accept", "application/json, text/html;q=0.9");
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
                String xsrf = cookies.get("XSRF-TOKEN");
                if (xsrf != null) {
                    builder.header("X-XSRF-TOKEN", xsrf);
                }
            }
            return builder;
        }

        private Response send(String measure, HttpRequest.Builder builder, int... expected) {
            Stats.Measure timing = stats.measure(measure);
            HttpRequest request = builder.build();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                timing.error(request.method() + " " + request.uri().getPath() + ": " + e);
                return new Response(-1, e.toString(), null, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                timing.error(request.method() + " " + request.uri().getPath() + ": interrupted");
                return new Response(-1, "interrupted", null, false);
            }
            long elapsed = System.nanoTime() - start;
            absorbCookies(response.headers().allValues("Set-Cookie"));
            boolean ok = expected(response.statusCode(), expected);
            if (ok) {
                timing.record(elapsed);
            } else {
                timing.error(request.method() + " " + request.uri().getPath() + " → " + response.statusCode() + " "
                        + snippet(response.body()));
            }
            return new Response(response.statusCode(), response.body(), response, ok);
        }

        private void absorbCookies(List<String> headers) {
            for (String header : headers) {
                Matcher matcher = SET_COOKIE.matcher(header);
                if (matcher.find()) {
                    if (header.toLowerCase().contains("max-age=0")) {
                        cookies.remove(matcher.group(1));
                    } else {
                        cookies.put(matcher.group(1), matcher.group(2));
                    }
                }
            }
        }
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new BenchFailure("No CSRF field in page: " + snippet(html));
        }
        return matcher.group(1);
    }

    private static boolean expected(int status, int... expected) {
        if (expected.length == 0) {
            return status >= 200 && status < 300;
        }
        for (int e : expected) {
            if (e == status) {
                return true;
            }
        }
        return false;
    }

    static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new BenchFailure("Cannot write JSON", e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }
}
