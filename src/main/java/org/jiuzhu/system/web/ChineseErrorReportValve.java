package org.jiuzhu.system.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answers (a malformed address or header, an error before the application is reached,
 * an error page that failed itself) in Chinese: our plain error page, or Camunda's JSON error format on the
 * APIs. Tomcat's English report, with its version and stack traces, never appears.
 */
public class ChineseErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorTexts texts = ErrorTexts.of(status);
        // Undecoded: an address Tomcat could not decode is still recognised as an API's.
        String uri = request.getRequestURI();
        boolean api = uri != null && WebRequests.isApi(uri);
        try {
            response.setContentType(api ? "application/json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? WebRequests.json(ErrorTexts.apiType(status), texts.explanation())
                        : PlainErrorPage.html(texts.title(), texts.explanation()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was taken over: nothing left to tell.
        }
    }
}
