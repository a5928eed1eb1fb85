package org.nas4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code nas conf}: prints the fully resolved conf of an algorithm as YAML. */
@Command(
        name = "conf",
        description = {
            "Print the fully resolved conf (includes, copies and overrides applied) as YAML.",
            ""
        },
        footer = {
            "",
            "Any other --KEY VALUE overrides a conf value, e.g. --nas.search.trainer.epochs 1."
        })
final class ConfCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfOptions confOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        String yaml = confOptions.load(overrides).toYaml();
        PrintWriter out = spec.commandLine().getOut();
        out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
        out.flush();
        return 0;
    }
}
