package dev.keel.command.rejection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Builds the problem-detail errors the command side's endpoints answer with. */
public final class Problems {

    private Problems() {
    }

    /** @param type the stable problem type slug, served as {@code /problems/<type>} */
    public static ErrorResponseException error(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
