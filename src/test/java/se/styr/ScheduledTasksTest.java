package se.styr;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/** Several instances run the same schedules: every scheduled task takes the database lock, so it runs on one at a time. */
class ScheduledTasksTest {

    @Test
    void everyScheduledMethodTakesTheLock() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.styr");
        List<JavaMethod> scheduled = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();
        assertThat(scheduled).as("the clean-ups of import jobs and API tokens").hasSizeGreaterThanOrEqualTo(2);
        assertThat(scheduled).allSatisfy(m -> assertThat(m.isAnnotatedWith(SchedulerLock.class))
                .as(m.getFullName() + " has @SchedulerLock").isTrue());
    }
}
