package io.fleetsim.report;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The economics part of {@code summary.txt}: by model, by cost component, owned vs rented, quality, energy. */
final class EconomicsText {

    private EconomicsText() {
    }

    static void append(StringBuilder out, RunResult run) {
        out.append('\n').append(TextTableRenderer.render(EconomicsTables.models(run)));
        out.append('\n').append(TextTableRenderer.render(EconomicsTables.components(run)));
        if (EconomicsTables.anyOwned(run)) {
            out.append('\n').append(TextTableRenderer.render(EconomicsTables.ownedVsRented(run)));
        }
        List<String> notes = notes(run);
        if (EconomicsTables.anyQualityOrDisconnect(run)) {
            out.append('\n').append(TextTableRenderer.render(EconomicsTables.quality(run)));
        }
        notes.forEach(n -> out.append(n).append('\n'));
    }

    /** One line each: commitments, failures and the energy drawn (for the text summary and the page). */
    static List<String> notes(RunResult run) {
        List<String> out = new ArrayList<>();
        for (PoolResult p : run.pools()) {
            if (p.commitment() != null) {
                out.add(String.format(Locale.ROOT, "Commitment of %s: %d-year term $%,.0f, $%,.0f up front, "
                        + "$%,.0f a month", p.name(), p.commitment().years(), p.commitment().termUsd(),
                        p.commitment().upfrontUsd(), p.commitment().monthlyUsd()));
            }
        }
        for (PoolResult p : run.pools()) {
            if (p.failures() > 0) {
                out.add(String.format(Locale.ROOT, "Failures of %s: %d, %.2f replica-hours down, $%,.2f paid for "
                        + "replicas under repair", p.name(), p.failures(), p.downReplicaHours(),
                        p.costByStateUsd().getOrDefault("down", 0.0)));
            }
        }
        if (run.energyKwh() > 0) {
            out.add(String.format(Locale.ROOT, "Energy      %,.1f kWh   %.4f J per useful token", run.energyKwh(),
                    run.joulesPerUsefulToken()));
        }
        return out;
    }
}
