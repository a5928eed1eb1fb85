package org.nas4j.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialProcessTest {
    @Test
    void aPortableLauncherFindsJavaAndTheMainClassJarWhereTheTrialRuns() throws Exception {
        TrialProcess p =
                new TrialProcess("", List.of("-Xmx1g"), "", TrialProcessTest.class.getName());
        Trial t = new Trial("t", "run", "darts", List.of(), List.of(), "/tmp/x", 0);
        List<String> cmd = p.builder(t).command();
        assertEquals(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        String here =
                Path.of(
                                TrialProcessTest.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                        .toString();
        assertTrue(cp.startsWith(here + File.pathSeparator), cp);
        assertEquals(TrialProcessTest.class.getName(), cmd.get(cmd.indexOf("-cp") + 2));
        assertEquals(t.args(), cmd.subList(cmd.indexOf("-cp") + 3, cmd.size()));
    }

    @Test
    void trialsGetThisJvmsHeapAndYoungGenerationCap() {
        // surefire's argLine carries -XX:MaxNewSize=32m, as ./nas does
        List<String> opts = TrialProcess.ofThisJvm("64m").jvmOptions();
        assertEquals("-Xmx64m", opts.get(0));
        assertTrue(opts.contains("-XX:MaxNewSize=32m"), opts.toString());
    }
}
