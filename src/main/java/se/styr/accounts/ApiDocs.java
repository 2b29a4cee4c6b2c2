package se.styr.accounts;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the API is signed in to, as /v3/api-docs describes it: a personal API token, or HTTP Basic for tools. */
@Configuration
class ApiDocs {

    @Bean
    OpenAPI styrApi() {
        return new OpenAPI()
                .info(new Info().title("Styr API").version("v1")
                        .description("Styrning, budget och uppföljning. Logga in med en personlig API-nyckel (Authorization: Bearer)."))
                .components(new Components()
                        .addSecuritySchemes("apiNyckel", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Personlig API-nyckel, skapas under API-nycklar"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Styr-konto med lösenord, för verktyg")))
                .addSecurityItem(new SecurityRequirement().addList("apiNyckel"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
