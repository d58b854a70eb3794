package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.compare.Comparison;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pages, charts included, are the same bytes whatever the JVM's locale: with a German default
 * locale JFreeChart's own tick formats would write "1.000" for a thousand and "0,5" for a half.
 */
@Tag("scenario")
class LocaleIndependenceTest {

    private static String in(Locale locale, Supplier<String> render) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return render.get();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void comparePageIsTheSameInGerman() {
        Comparison c = StrategyRuns.comparison();
        assertEquals(in(Locale.ROOT, () -> CompareHtmlReport.render(c)),
                in(Locale.GERMANY, () -> CompareHtmlReport.render(c)));
    }

    @Test
    void runPageIsTheSameInGerman() {
        RunReport r = StrategyRuns.report(2);
        assertEquals(in(Locale.ROOT, () -> RunHtmlReport.render(r)), in(Locale.GERMANY, () -> RunHtmlReport.render(r)));
    }
}
