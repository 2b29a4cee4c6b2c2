package se.styr;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modules_respect_their_boundaries() {
        ApplicationModules modules = ApplicationModules.of(StyrApplication.class);
        modules.verify();
    }
}
