package org.jiuzhu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jiuzhu.JiuzhuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application of a test tagged "isolated": started by the test itself on a file database of its own
 * (one process engine per JVM), on a random port and without the job executor, like the shared test
 * application.
 */
public final class IsolatedApplication {

    private IsolatedApplication() {
    }

    /** The JDBC URL of an empty H2 file database in {@code folder} (what an earlier run left is deleted). */
    public static String freshDatabase(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("jiuzhu");
    }

    public static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(JiuzhuApplication.class).run("--spring.datasource.url=" + url,
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    public static int port(ConfigurableApplicationContext application) {
        return Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }
}
