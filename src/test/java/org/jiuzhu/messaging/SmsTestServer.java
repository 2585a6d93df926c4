package org.jiuzhu.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A stand-in SMS platform on a local port: answers every POST with the status set, and keeps what it got. */
final class SmsTestServer implements AutoCloseable {

    /** One request as the platform saw it. */
    record Received(String key, String contentType, JsonNode body) {

        String reference() {
            return body.path("reference").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"result\":\"ok\"}";
    private volatile Duration delay = Duration.ZERO;

    SmsTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Api-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(new String(body, StandardCharsets.UTF_8))));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    List<Received> received() {
        return received;
    }

    long receivedFor(long messageId) {
        return received.stream().filter(r -> r.reference().equals("jiuzhu-" + messageId)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
