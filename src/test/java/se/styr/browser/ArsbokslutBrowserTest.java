package se.styr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.SignedIn;
import se.styr.followup.FollowupService;
import se.styr.followup.RoundType;

/**
 * Vård- och omsorgsnämndens årsbokslut 2022: the controller answers the plan questions (stopped when the plan was not
 * followed without a reason), reads the report with the year's economy and the forecast accuracy, and the
 * municipality's forecast accuracy under Ekonomi. Every page passes axe-core's WCAG 2.1 A/AA rules.
 *
 * <p>The in-memory database is shared with the other tests of the run, so the round the test opens is removed again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@se.styr.OwnDatabase
class ArsbokslutBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FollowupService followup;
    @Autowired
    UserDetailsService users;

    private Long round;

    @AfterEach
    void removeTheRound() {
        SecurityContextHolder.clearContext();
        if (round == null) {
            return;
        }
        // the notices of its tasks go with the round, or the start page would link to tasks that are gone
        for (String table : java.util.List.of("notice", "notice_event")) {
            jdbc.sql("delete from " + table + " where task_id in (select id from followup_task where round_id = ?)").param(round).update();
        }
        for (String table : java.util.List.of("followup_annual_review", "followup_report", "followup_outcome", "followup_task",
                "followup_share", "followup_object", "followup_instruction", "followup_deadline", "followup_report_version")) {
            jdbc.sql("delete from " + table + " where round_id = ?").param(round).update();
        }
        jdbc.sql("delete from followup_round where id = ?").param(round).update();
    }

    @Test
    void the_controller_answers_the_plan_questions_and_reads_the_year_report() {
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        SignedIn.as(users, "controller");
        round = followup.open(new FollowupService.OpenRound(von, RoundType.ARSBOKSLUT, null, LocalDate.of(2022, 12, 31),
                LocalDate.of(2023, 1, 10), LocalDate.of(2023, 1, 25), LocalDate.of(2023, 2, 1))).id();

        open("/");
        logIn("controller");
        open("/uppfoljning/" + round);
        waitForTitle("Årsbokslut 2022");
        follow(By.linkText("Årsbokslutets frågor"));
        waitForTitle("Årsbokslutets frågor");
        assertAccessible("årsbokslutets frågor");
        driver.findElement(By.xpath("//fieldset[legend[contains(., 'internkontrollplanen')]]//input[@value='false']")).click();
        follow(By.xpath("//main//button[normalize-space()='Spara']"));
        waitForText("Formuläret innehåller fel");
        assertThat(mainText()).contains("Redogör för varför internkontrollplanen inte har följts.");
        assertThat(driver.findElement(By.id("controlPlanComment")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("årsbokslutets frågor med fel");
        type(By.id("controlPlanComment"), "Kontrollen av delegationsbeslut gjordes i januari i stället för i december.");
        type(By.id("forecastComment"), "Prognosen i maj var för positiv.");
        follow(By.xpath("//main//button[normalize-space()='Spara']"));
        waitForText("Följde nämnden sin plan?");
        assertThat(mainText()).contains("Kontrollen av delegationsbeslut", "Prognossäkerhet", "Avvikelse från bokslut",
                "på skalan Helt uppfyllt och Ej uppfyllt", "Besluta ändå");
        assertAccessible("årsbokslutets rapport");
        screenshot("arsbokslut-rapport");

        open("/ekonomi");
        follow(By.linkText("Prognossäkerhet"));
        waitForTitle("Prognossäkerhet 2022");
        assertThat(mainText()).contains("Vård- och omsorgsnämnden", "Kommunen totalt");
        assertAccessible("prognossäkerheten per nämnd");
    }

    private static void type(By field, String text) {
        org.openqa.selenium.WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
