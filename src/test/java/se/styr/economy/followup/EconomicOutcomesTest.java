package se.styr.economy.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.AccountGroup;

/** Outcomes are summed over a committee's own units; a committee's own typed outcome gives way to its units'. */
@StyrIntegrationTest
@Transactional
class EconomicOutcomesTest {

    @Autowired
    EconomicOutcomes outcomes;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        SignedIn.as(users, "admin");
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    @Test
    void aCommitteesOutcomeIsItsOwnUnitsAndNotTheCommitteesBelowIt() {
        outcomes.replace(List.of(
                new EconomicOutcomes.Row(unit("VOF-HN"), 2030, 1, AccountGroup.PERSONALKOSTNADER, -2_000_000),
                new EconomicOutcomes.Row(unit("VOF-HN"), 2030, 2, AccountGroup.PERSONALKOSTNADER, -2_500_000),
                new EconomicOutcomes.Row(unit("KS"), 2030, 1, AccountGroup.OVRIGA_KOSTNADER, -700_000)), "test");
        assertThat(outcomes.toDate(unit("VON"), 2030, 2).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER)).isEqualTo(-4_500_000L);
        assertThat(outcomes.toDate(unit("VON"), 2030, 1).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER)).isEqualTo(-2_000_000L);
        // Kommunstyrelsen sits above the committees in the tree, but its outcome is its own
        assertThat(outcomes.toDate(unit("KS"), 2030, 12).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER)).isEqualTo(-700_000L);
    }

    @Test
    void theUnitsOutcomesReplaceTheCommitteesTypedStandIn() {
        outcomes.replace(List.of(new EconomicOutcomes.Row(unit("VON"), 2030, 3, AccountGroup.PERSONALKOSTNADER, -9_000_000)), "uppföljningen");
        assertThat(outcomes.toDate(unit("VON"), 2030, 3).get(AccountGroup.PERSONALKOSTNADER)).isEqualTo(-9_000_000L);

        outcomes.replace(List.of(new EconomicOutcomes.Row(unit("VOF-HN"), 2030, 3, AccountGroup.PERSONALKOSTNADER, -4_000_000)), "utfall.xlsx");
        assertThat(outcomes.toDate(unit("VON"), 2030, 3).get(AccountGroup.PERSONALKOSTNADER)).isEqualTo(-4_000_000L);
        String audit = jdbc.sql("select new_value from audit_entry where object_type = 'UTFALL' order by id desc limit 1")
                .query(String.class).single();
        assertThat(audit).contains("Vård- och omsorgsnämnden 2030");
    }
}
