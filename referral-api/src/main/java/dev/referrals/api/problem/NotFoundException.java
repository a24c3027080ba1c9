package dev.referrals.api.problem;

import org.springframework.http.HttpStatus;

/** The read model knows nothing under the id that was asked for: answered 404. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, detail, null, null);
    }
}
