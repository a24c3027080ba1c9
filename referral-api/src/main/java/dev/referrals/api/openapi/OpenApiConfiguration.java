package dev.referrals.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI document served at {@code /v3/api-docs}; the operations come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI referralApiDocument() {
        return new OpenAPI().info(new Info()
                .title("referral-api")
                .description("Declines with an optional referral, and the referral views. Errors are "
                        + "application/problem+json; a 400 lists every bad field in 'errors'.")
                .version("v1"));
    }
}
