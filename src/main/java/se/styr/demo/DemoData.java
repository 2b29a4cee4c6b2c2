package se.styr.demo;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads Alingsås kommun from the seed documents into an empty database, so a first start shows a real municipality.
 * Demo users all have the password {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = "styr.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "styr-demo";
    /** The municipality and its goal chain, a follow-up round of Vård- och omsorgsnämnden, Budget 2022–2024 and VON's risk analysis 2022. */
    private static final java.util.List<String> SCRIPTS = java.util.List.of("demo/alingsas.sql", "demo/alingsas-uppfoljning.sql", "demo/alingsas-budget.sql",
            "demo/alingsas-fordelning.sql", "demo/alingsas-ekonomisk-uppfoljning.sql", "demo/alingsas-forslag.sql", "demo/alingsas-risker.sql",
            "demo/alingsas-handlingsplan.sql", "demo/alingsas-sammantraden.sql", "demo/alingsas-kolada.sql",
            "demo/alingsas-granskning.sql");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;

    DemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        if (jdbc.sql("select count(*) from municipality").query(Long.class).single() > 0) {
            return;
        }
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        int statements = 0;
        for (String file : SCRIPTS) {
            String script = new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8).replace("{DEMO_HASH}", hash);
            for (String statement : statements(script)) {
                jdbc.sql(statement).update();
                statements++;
            }
        }
        log.info("Demodata för Alingsås kommun inläst ({} satser).", statements);
    }

    /** Splits on semicolons that end a line outside string literals; drops comment lines. */
    static java.util.List<String> statements(String script) {
        java.util.List<String> result = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (String line : script.split("\n")) {
            if (!inString && line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            for (char c : line.toCharArray()) {
                if (c == '\'') {
                    inString = !inString;
                }
            }
            if (!inString && line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
