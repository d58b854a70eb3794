package io.fleetsim.report.plan;

import io.fleetsim.plan.MonthlyVolumes;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.report.ChartImage;
import io.fleetsim.report.HtmlPage;

/** {@code plan.html}: the chart of cost against volume, the decision table and every strategy's sizing. */
public final class PlanPage {

    private PlanPage() {
    }

    /** The page of {@code plan}, with {@code chart} embedded. */
    public static String render(PlanResult plan, ChartImage chart) {
        HtmlPage page = new HtmlPage("Reserve, burst or buy tokens? " + plan.spec().scenario().displayName());
        page.meta("Traffic " + plan.spec().shape().id() + ", scaled to each monthly volume; constraints "
                + plan.spec().constraints());
        StringBuilder verdict = new StringBuilder();
        plan.decisions().forEach(d -> verdict.append(MonthlyVolumes.label(d.volume())).append(": ")
                .append(d.winner() == null ? "none meets" : d.winner().strategy().id()).append(".  "));
        page.callout("verdict", verdict.toString().strip());
        page.section("Cost per useful 1M tokens against monthly volume");
        page.paragraph("One line per strategy, through the volumes where its cheapest sizing meets the constraints; "
                + "dashed lines mark where the cheapest self-hosted strategy and the all-API one cost the same.");
        page.charts(chart);
        page.section("The decision at each volume");
        page.table(PlanTables.decisions(plan), "decisions");
        page.section("Every strategy at every volume");
        page.table(PlanTables.rows(plan), "rows");
        for (String note : plan.notes()) {
            page.callout("warn", note);
        }
        return page.render();
    }
}
