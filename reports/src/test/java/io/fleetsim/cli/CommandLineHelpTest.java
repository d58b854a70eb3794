package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Mistakes on the command line get picocli's suggestions, and help text wraps between words only. */
class CommandLineHelpTest {

    @Test
    void misspeltCommandSuggestsTheCommand() {
        CliRunner.Result r = CliRunner.fleetsim("rnu", "scenarios/quickstart.yaml");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("Did you mean") && r.err().contains("run"), r.describe());
    }

    @Test
    void misspeltOptionSuggestsTheOption() {
        CliRunner.Result r = CliRunner.fleetsim("run", "--seeed", "3", "scenarios/quickstart.yaml");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--seed"), r.describe());
    }

    /** Every whitespace-separated word of the descriptions picocli is given, for {@code cl} and below. */
    private static void words(CommandLine cl, java.util.Set<String> out) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        spec.options().forEach(o -> texts.addAll(List.of(o.description())));
        spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
        texts.forEach(t -> out.addAll(List.of(t.replace("%n", " ").split("\\s+"))));
        cl.getSubcommands().values().forEach(sub -> words(sub, out));
    }

    private static void collect(CommandLine cl, List<String> out) {
        out.add(cl.getUsageMessage());
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    @Test
    void helpTextWrapsBetweenWordsOnly() {
        CommandLine root = FleetsimCommand.newCommandLine();
        java.util.Set<String> words = new java.util.HashSet<>();
        words(root, words);
        List<String> helps = new ArrayList<>();
        collect(root, helps);
        List<String> broken = new ArrayList<>();
        for (String help : helps) {
            List<String> lines = help.lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String[] end = lines.get(i).trim().split("\\s+");
                String[] start = lines.get(i + 1).trim().split("\\s+");
                String joined = end[end.length - 1] + start[0];
                if (!lines.get(i).isBlank() && !start[0].isEmpty() && words.contains(joined)) {
                    broken.add("'" + end[end.length - 1] + "' | '" + start[0] + "' in:\n" + lines.get(i) + "\n"
                            + lines.get(i + 1));
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void everyHelpTextFormatsWithoutPicocliWarnings() {
        // a bare '%' in a description makes picocli warn on stderr and print the text unformatted
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            collect(FleetsimCommand.newCommandLine(), new ArrayList<>());
        } finally {
            System.setErr(saved);
        }
        assertTrue(err.size() == 0, err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
