package dev.referrals.api.input;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers as problem+json instead of its HTML page: what Tomcat refuses before any servlet runs
 * (an invalid request line or percent-encoding, {@code %00} or an encoded slash in the path, a header or URL over
 * {@code server.max-http-request-header-size}), and any error that no error page answered.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ContainerProblems problems;

    ProblemErrorReportValve(ContainerProblems problems) {
        this.problems = problems;
    }

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
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotWrite) {
            // The connection is gone or the answer already committed: nothing more can be said.
        }
    }
}
