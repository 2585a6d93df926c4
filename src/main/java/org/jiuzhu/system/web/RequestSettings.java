package org.jiuzhu.system.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every HTTP request is held to ({@code jiuzhu.requests.*}).
 *
 * @param maxBodySize      the largest request body (a form, a JSON body) anywhere but the uploads below
 * @param uploads          the paths that take larger bodies (file uploads, deployments), each with its limit
 * @param statementTimeout how long one SQL statement run for an HTTP request may take before the database
 *                         cancels it; statements of the job executor and of the application itself have none
 */
@ConfigurationProperties("jiuzhu.requests")
public record RequestSettings(@DefaultValue("1MB") DataSize maxBodySize, List<Upload> uploads,
                              @DefaultValue("30s") Duration statementTimeout) {

    /** A path (exact, without the context path) that takes bodies up to {@code maxSize}. */
    public record Upload(String path, DataSize maxSize) {
    }

    public RequestSettings {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /** The largest body a request to this path may have, in bytes. */
    public long maxBodyBytes(String path) {
        return uploads.stream().filter(u -> u.path().equals(path)).findFirst()
                .map(u -> u.maxSize().toBytes()).orElse(maxBodySize.toBytes());
    }

    /** The largest body any path takes: what the servlet container lets through at the most. */
    public long largestBodyBytes() {
        return uploads.stream().mapToLong(u -> u.maxSize().toBytes()).reduce(maxBodySize.toBytes(), Math::max);
    }
}
