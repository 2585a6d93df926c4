package org.jiuzhu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session against the running test server: cookies, CSRF tokens, form posts. */
public class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient client;

    public WebSession(int port) {
        this(port, new CookieManager());
    }

    private WebSession(int port, CookieManager cookies) {
        this.baseUrl = "http://localhost:" + port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The same browser (its cookies) against another server, e.g. the other node behind a load balancer. */
    public WebSession on(int port) {
        return new WebSession(port, cookies);
    }

    /** A cookie's value, e.g. the session's or the Camunda webapps' XSRF-TOKEN; null when not set. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html,application/json");
    }

    /** GET with the Accept header of, say, a font or script a page loads ({@code *}{@code /*}). */
    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** GET with HTTP Basic credentials, as the Camunda Modeler and integrations call the REST API. */
    public HttpResponse<String> getWithBasic(String path, String user, String password) {
        return send(request(path).header("Authorization", basic(user, password)).GET().build());
    }

    public HttpResponse<String> postJsonWithBasic(String path, String json, String user, String password) {
        return sendWithBasic("POST", path, json, user, password);
    }

    /**
     * A POST to the Camunda webapps' own API (what Tasklist and Cockpit call) in this logged-in session,
     * with the webapps' CSRF header taken from their cookie.
     */
    public HttpResponse<String> postJsonToWebapp(String path, String json) {
        get("/camunda/app/tasklist/default/");
        return post(path, "application/json", json, Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
    }

    /** A multipart upload in this session (a page's file upload). */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
        return postMultipartWithBasic(path, fields, files, null, null);
    }

    /** A multipart upload, as Camunda Modeler deploys: text fields and files (name → content). */
    public HttpResponse<String> postMultipartWithBasic(String path, Map<String, String> fields,
                                                       Map<String, byte[]> files, String user, String password) {
        String boundary = "----jiuzhu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    /** Any request with HTTP Basic credentials and a JSON body (or none), e.g. PUT or DELETE. */
    public HttpResponse<String> sendWithBasic(String method, String path, String json, String user, String password) {
        return send(request(path).header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** Any method with a JSON body (or none), without credentials. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** A POST with headers of the caller's choice, e.g. the Camunda webapps' X-XSRF-TOKEN. */
    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The CSRF token of the form on {@code formPagePath}. */
    public String csrfToken(String formPagePath) {
        return csrfTokenOf(get(formPagePath).body());
    }

    /** Posts a form as a page would, with the CSRF token taken from {@code formPagePath}. */
    public HttpResponse<String> postForm(String formPagePath, String path, Map<String, String> fields) {
        return postFormWithToken(path, fields, csrfToken(formPagePath));
    }

    /** Posts a form with the CSRF token a page gave earlier (perhaps another node's page). */
    public HttpResponse<String> postFormWithToken(String path, Map<String, String> fields, String csrfToken) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", csrfToken);
        String encoded = body.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build());
    }

    public HttpResponse<String> postWithoutCsrf(String path, String urlEncodedBody) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody))
                .build());
    }

    /** Any request in this session, with the given headers (e.g. a webapp's X-XSRF-TOKEN) and body (null: none). */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> login(String user, String password) {
        return postForm("/login", "/login", Map.of("username", user, "password", password));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String csrfTokenOf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF field in page: " + html);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
