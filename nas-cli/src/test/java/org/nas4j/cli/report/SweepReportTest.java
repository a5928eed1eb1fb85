package org.nas4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepReportTest {
    @Test
    void theParetoFrontKeepsTrialsNoOtherBeatsOnBothSizeAndAccuracy() {
        List<double[]> pts =
                List.of(
                        new double[] {100, 0.80}, // front: smallest
                        new double[] {200, 0.85}, // front
                        new double[] {250, 0.84}, // dominated by 200/0.85
                        new double[] {300, 0.90}, // front: most accurate
                        new double[] {300, 0.89}); // dominated by 300/0.90
        assertEquals(List.of(0, 1, 3), SweepReport.front(pts));
    }
}
