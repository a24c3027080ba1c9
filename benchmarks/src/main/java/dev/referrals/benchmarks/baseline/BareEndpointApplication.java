package dev.referrals.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare endpoint baseline: Spring MVC on Tomcat with Boot's defaults, on the API's path, reading the same JSON
 * body and answering 202 with nothing behind it (no validation, no database, no Kafka). Run in its own JVM with the
 * services' JVM options, it is the ceiling of any Spring MVC endpoint on this machine under the same load tool.
 */
@SpringBootApplication
@RestController
public class BareEndpointApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEndpointApplication.class, args);
    }

    @PostMapping(path = "/api/v1/invitations/{invitationId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> decline(@PathVariable String invitationId, @RequestBody String body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
