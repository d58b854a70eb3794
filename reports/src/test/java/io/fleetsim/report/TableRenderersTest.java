package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One table, three media: aligned text, CSV and HTML agree on content and each follows its own rules. */
class TableRenderersTest {

    private static Table sample() {
        return new Table(new Column("name", "name", ValueFormat.TEXT), new Column("n", "count", ValueFormat.COUNT),
                new Column("share", "in SLO", ValueFormat.SHARE), new Column("usd", "cost $", ValueFormat.USD))
                .addRow("chat", 21575L, 0.99734, 47.84)
                .addRow("a,\"b\" <c>", 7, Double.NaN, null);
    }

    @Test
    void textAlignsNumbersRightAndTextLeft() {
        assertEquals("""
                name        count  in SLO  cost $
                chat       21,575  99.73%   47.84
                a,"b" <c>       7     n/a     n/a
                """, TextTableRenderer.render(sample()));
    }

    @Test
    void textCutsLongNames() {
        Table t = new Table(Column.of("name", ValueFormat.TEXT)).addRow("x".repeat(30));
        assertEquals("name\n" + "x".repeat(TextTableRenderer.MAX_TEXT_WIDTH - 1) + "~\n", TextTableRenderer.render(t));
    }

    @Test
    void csvWritesKeysPlainNumbersAndQuotesWhereNeeded() {
        assertEquals("""
                name,n,share,usd
                chat,21575,0.99734,47.84
                "a,""b"" <c>",7,,
                """, CsvTableRenderer.render(sample()));
    }

    @Test
    void htmlEscapesEveryCellAndMarksNumbers() {
        String html = HtmlTableRenderer.render(sample(), "t<1>");
        assertTrue(html.startsWith("<table id=\"t&lt;1&gt;\">"), html);
        assertTrue(html.contains("<td>a,&quot;b&quot; &lt;c&gt;</td>"), html);
        assertTrue(html.contains("<td class=\"num\">21,575</td>"), html);
        assertTrue(html.contains("<th class=\"num\">in SLO</th>"), html);
    }

    @Test
    void rowsByKeyLeaveOtherColumnsEmptyAndRejectUnknownKeys() {
        Table t = new Table(Column.of("a", ValueFormat.TEXT), Column.of("b", ValueFormat.COUNT));
        t.addRow(Map.of("b", 3L));
        assertEquals("a,b\n,3\n", CsvTableRenderer.render(t));
        assertThrows(IllegalArgumentException.class, () -> t.addRow(Map.of("c", 1L)));
        assertThrows(IllegalArgumentException.class, () -> t.addRow("only one"));
        assertEquals("b\n3\n", CsvTableRenderer.render(t.select(List.of("b"))));
    }

    @Test
    void machineNumbersAreRoundedPlainAndStable() {
        assertEquals("0.1", ValueFormat.DECIMAL.machine(0.1));
        assertEquals("1000000", ValueFormat.DECIMAL.machine(1e6));
        assertEquals("0.333333", ValueFormat.DECIMAL.machine(1.0 / 3));
        assertEquals("0", ValueFormat.USD.machine(-0.0));
        assertEquals("", ValueFormat.SHARE.machine(Double.POSITIVE_INFINITY));
        assertEquals("1,235", ValueFormat.MILLIS.display(1234.5));
        assertEquals("12.3", ValueFormat.MILLIS.display(12.34));
    }

    @Test
    void wrappedProseStaysWithinWidth() {
        String text = Wrapped.text("word ".repeat(60).trim(), 30);
        assertTrue(text.lines().allMatch(l -> l.length() <= 30), text);
        assertEquals(60, text.replace("\n", " ").trim().split(" +").length);
    }

    @Test
    void csvNeutralisesFormulasInNamesButNotNegativeNumbers() {
        Table t = new Table(new Column("name", "name", ValueFormat.TEXT), new Column("=cmd|' /C calc'!A0", "x",
                ValueFormat.DECIMAL)).addRow("=HYPERLINK(\"http://x\")", -1.5).addRow("+1", 2.0).addRow("@SUM(A1)", 3.0)
                .addRow("-2", 4.0).addRow("chat", 5.0);
        assertEquals("""
                name,'=cmd|' /C calc'!A0
                "'=HYPERLINK(""http://x"")",-1.5
                '+1,2
                '@SUM(A1),3
                '-2,4
                chat,5
                """, CsvTableRenderer.render(t));
    }

    @Test
    void wideTablesScrollOnScreenAndWrapOnPaper() {
        String html = new HtmlPage("t").table(sample(), "table-t").render();
        assertTrue(html.contains("<div class=\"scroll\">\n<table id=\"table-t\">"), "no scrolling wrapper");
        int print = html.indexOf("@media print");
        assertTrue(print > 0, "no print style: a scrolled table is cut off on paper");
        String rules = html.substring(print);
        assertTrue(rules.contains(".scroll { overflow: visible; }") && rules.contains("white-space: normal"), rules);
    }
}
