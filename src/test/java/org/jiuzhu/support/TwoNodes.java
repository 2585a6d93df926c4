package org.jiuzhu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jiuzhu.JiuzhuApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the application on one PostgreSQL database, as a county runs it behind a load balancer,
 * for tests tagged {@code postgres}. Each node is a JVM of its own, started from this test's classpath
 * in the {@code postgres} profile: Camunda registers its process engine and process application by name
 * in a JVM-wide container, so two nodes cannot share one JVM. Node A starts first and creates the
 * schema; node B then finds it in place. Their logs are in {@code target/two-nodes/}.
 * <pre>
 * try (TwoNodes nodes = TwoNodes.start(TwoNodes.database(), "--jiuzhu.demo.enabled=true")) {
 *     WebSession onA = nodes.a().session();
 *     WebSession onB = nodes.b().session();
 *     ...
 * }
 * </pre>
 */
public final class TwoNodes implements AutoCloseable {

    /** System property naming the database; by default CI's fresh {@code jiuzhu_test}. */
    public static final String DATABASE_PROPERTY = "jiuzhu.test.two-nodes.database";
    public static final String ADMINISTRATOR = "nodesadmin";
    public static final String ADMINISTRATOR_PASSWORD = "nodes-Secret-2026";

    private static final String DB_USER = "jiuzhu_test";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Path LOGS = Path.of("target", "two-nodes");

    /** One node: a JVM running the application, and the port its web server listens on. */
    public static final class Node {

        private final String name;
        private final int port;
        private final Process process;

        private Node(String name, int port, Process process) {
            this.name = name;
            this.port = port;
            this.process = process;
        }

        public String name() {
            return name;
        }

        public int port() {
            return port;
        }

        /** A new browser-like session against this node. */
        public WebSession session() {
            return new WebSession(port);
        }

        private void stop(boolean crash) {
            if (crash) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private final String database;
    private final List<String> arguments;
    private Node a;
    private Node b;

    private TwoNodes(String database, List<String> arguments) {
        this.database = database;
        this.arguments = arguments;
    }

    /** The database named by {@link #DATABASE_PROPERTY}, by default {@code jiuzhu_test}. */
    public static String database() {
        return System.getProperty(DATABASE_PROPERTY, "jiuzhu_test");
    }

    /**
     * Starts node A, then node B, on the PostgreSQL database {@code database} (127.0.0.1:5432, role
     * jiuzhu_test). {@code arguments} go to both, e.g. {@code --jiuzhu.demo.enabled=true} to seed the demo
     * organisation. The first administrator is {@link #ADMINISTRATOR}.
     */
    public static TwoNodes start(String database, String... arguments) {
        TwoNodes nodes = new TwoNodes(database, List.of(arguments));
        try {
            nodes.a = nodes.startNode("a");
            nodes.b = nodes.startNode("b");
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
        return nodes;
    }

    public Node a() {
        return a;
    }

    public Node b() {
        return b;
    }

    /** Stops node A (gracefully, or at once as kill -9 would) and starts it again on a new port. */
    public Node restartA(boolean crash) {
        a.stop(crash);
        a = startNode("a");
        return a;
    }

    /** Our own tables and the engine's, read and written directly. */
    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url(), DB_USER, DB_USER));
    }

    @Override
    public void close() {
        for (Node node : new Node[] {b, a}) {
            if (node != null) {
                node.stop(false);
            }
        }
    }

    private String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    private Node startNode(String name) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                JiuzhuApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--JIUZHU_DB_URL=" + url(),
                "--JIUZHU_DB_USER=" + DB_USER,
                "--JIUZHU_DB_PASSWORD=" + DB_USER,
                "--JIUZHU_ADMIN_USER=" + ADMINISTRATOR,
                "--JIUZHU_ADMIN_PASSWORD=" + ADMINISTRATOR_PASSWORD,
                "--server.port=" + port,
                // Tests run jobs themselves: neither node picks up the other's.
                "--camunda.bpm.job-execution.enabled=false"));
        command.addAll(arguments);
        Path log = LOGS.resolve("node-" + name + ".log");
        Process process;
        try {
            Files.createDirectories(LOGS);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node node = new Node(name, port, process);
        awaitHealthy(node, log);
        return node;
    }

    private static void awaitHealthy(Node node, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("Node " + node.name() + " stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        node.stop(true);
        throw new IllegalStateException("Node " + node.name() + " did not start in time; see " + log.toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
