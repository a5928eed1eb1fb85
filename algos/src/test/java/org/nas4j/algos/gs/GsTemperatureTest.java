package org.nas4j.algos.gs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;

class GsTemperatureTest {
    @Test
    void linearFromTauMaxAtTheFirstStepToTauMinAtTheLast() {
        GsTemperature t = new GsTemperature(10.0, 0.1);
        assertEquals(10.0, t.at(0, 100), 1e-12);
        assertEquals(0.1, t.at(99, 100), 1e-12);
        assertEquals(10.0 - 9.9 * 33 / 99.0, t.at(33, 100), 1e-12);
        assertEquals(5.05, t.at(1, 3), 1e-12);
        assertEquals(0.1, t.at(500, 100), 1e-12); // past the end stays at tau_min
        assertEquals(10.0, t.at(0, 1), 1e-12); // a one-step search uses tau_max
    }

    @Test
    void nonPositiveTemperaturesAreRefused() {
        assertThrows(ConfException.class, () -> new GsTemperature(0.0, 0.1));
        assertThrows(ConfException.class, () -> new GsTemperature(1.0, -1.0));
    }
}
