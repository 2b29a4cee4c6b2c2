package se.styr.kolada;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches every municipality's linked values from Kolada on {@code styr.kolada.schedule} (a cron expression; by
 * default early on Monday mornings, "-" turns it off). A failure is recorded as a run with its Swedish message and
 * tried again next time; it never stops the application.
 */
@Component
class KoladaSchedule {

    private static final Logger log = LoggerFactory.getLogger(KoladaSchedule.class);

    private final KoladaImports imports;
    private final KoladaStore store;

    KoladaSchedule(KoladaImports imports, KoladaStore store) {
        this.imports = imports;
        this.store = store;
    }

    @Scheduled(cron = "${styr.kolada.schedule:0 40 4 * * MON}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "kolada-values", lockAtMostFor = "PT1H")
    void fetch() {
        for (long municipality : store.municipalities()) {
            try {
                imports.valuesFromKolada(municipality);
            } catch (RuntimeException e) {
                log.warn("Kolada-hämtningen för kommun {} misslyckades: {}", municipality, e.getMessage());
            }
        }
    }
}
