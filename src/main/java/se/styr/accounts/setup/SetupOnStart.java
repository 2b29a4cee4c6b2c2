package se.styr.accounts.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.styr.platform.Messages;
import se.styr.platform.ValidationException;

/**
 * When an instance has started (after the demo data, if any, is loaded): on an installation without an administrator,
 * sets Styr up from the environment when {@code styr.setup.*} is given, otherwise prints a one-time setup link in the log.
 */
@Component
class SetupOnStart {

    private static final Logger log = LoggerFactory.getLogger(SetupOnStart.class);
    static final String PREFIX = "styr.setup.";

    private final SetupState state;
    private final SetupTokens tokens;
    private final Setup setup;
    private final Environment environment;
    private final Messages messages;

    SetupOnStart(SetupState state, SetupTokens tokens, Setup setup, Environment environment, Messages messages) {
        this.state = state;
        this.tokens = tokens;
        this.setup = setup;
        this.environment = environment;
        this.messages = messages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (state.done()) {
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : List.of("municipality-name", "kolada-id", "vision", "core-values", "admin-name", "admin-username",
                "admin-email", "admin-password")) {
            String value = environment.getProperty(PREFIX + key);
            if (value != null && !value.isBlank()) {
                given.put(key, value);
            }
        }
        if (given.isEmpty()) {
            String link = baseUrl() + SetupController.PATH + "/" + tokens.create();
            log.warn("""

                    ************************************************************************
                    Styr är inte uppsatt: det finns ingen administratör.
                    Öppna den här länken för att ange kommunen och skapa den första administratören
                    (länken kan bara användas en gång):

                        {}

                    ************************************************************************""", link);
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("municipality-name", "kolada-id", "admin-username", "admin-password")) {
            if (!given.containsKey(key)) {
                missing.add(envName(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Uppsättning från miljövariabler: " + String.join(", ", missing) + " saknas.");
        }
        String username = given.get("admin-username");
        try {
            setup.completeFromEnvironment(new Setup.Form(given.get("municipality-name"), given.get("kolada-id"),
                    given.get("vision"), given.get("core-values"), given.getOrDefault("admin-name", username), username,
                    given.get("admin-email"), given.get("admin-password"), given.get("admin-password")));
        } catch (Setup.Closed e) {
            log.info("Styr sattes upp av en annan instans samtidigt; miljövariablerna för uppsättningen används inte.");
            return;
        } catch (ValidationException e) {
            List<String> problems = e.problems().stream().map(p -> envName(field(p.field())) + ": " + messages.text(p)).toList();
            throw new IllegalStateException("Uppsättning från miljövariabler misslyckades: " + String.join(" ", problems));
        }
        log.info("Styr är uppsatt från miljövariablerna: kommunen {} och administratören {}.", given.get("municipality-name"), username);
    }

    private String baseUrl() {
        String configured = environment.getProperty("styr.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** The form's field as the setting that gives it. */
    private static String field(String formField) {
        return switch (formField) {
            case "name" -> "municipality-name";
            case "koladaId" -> "kolada-id";
            case "vision" -> "vision";
            case "coreValues" -> "core-values";
            case "displayName" -> "admin-name";
            case "username" -> "admin-username";
            case "email" -> "admin-email";
            default -> "admin-password";
        };
    }

    private static String envName(String key) {
        return "STYR_SETUP_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
