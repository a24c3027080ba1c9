package dev.referrals.api.input;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error controller, whose answers are {@code application/json} in Boot's own shape: an error that
 * Tomcat sends to the error page (a filter's refusal, an exception outside Spring MVC) is answered problem+json
 * like every other.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private final ContainerProblems problems;

    ProblemErrorController(ContainerProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpStatus.INTERNAL_SERVER_ERROR.value();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(status));
    }
}
