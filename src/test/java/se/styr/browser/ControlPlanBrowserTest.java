package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The controller opens VON's internal-control plan 2022 from the header, goes on to every body's results and to the
 * plan as a document; each page passes axe-core's WCAG 2.1 A/AA rules. Nothing is changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class ControlPlanBrowserTest extends BrowserTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_plan_the_joint_results_and_the_plan_document_are_accessible() {
        open("/");
        logIn("controller");
        follow(By.linkText("Intern kontroll"));
        waitForTitle("Internkontrollplan");
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        open("/kvalitet/internkontroll?organ=" + von + "&ar=2022");
        waitForText("Uppföljningen flyttas till 2023");
        assertAccessible("VON's internal-control plan 2022");
        follow(By.linkText("Alla nämnders och bolags resultat 2022"));
        waitForText("Internkontrollens resultat 2022 per organ");
        assertThat(mainText()).contains("Vård- och omsorgsnämnden");
        assertAccessible("every body's internal-control results 2022");
        driver.navigate().back();
        follow(By.linkText("Internkontrollplanen som dokument (HTML och PDF)"));
        waitForText("Kontroller som skjuts upp");
        assertAccessible("the internal-control plan as a document");
    }
}
