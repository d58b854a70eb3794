package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.CommitmentSpec;
import io.fleetsim.spec.OwnershipSpec;

/** Validates a reserved pool's {@code purchase} (owned servers) and {@code commitment} (rented terms). */
final class OwnershipReader {

    private OwnershipReader() {
    }

    static OwnershipSpec purchase(SpecNode node, SpecNode rent) {
        if (node.isMissing()) {
            return null;
        }
        if (!rent.isMissing()) {
            throw rent.error("an owned pool (purchase) pays no rent; remove usd_per_gpu_hour or purchase");
        }
        node.allowOnly("usd_per_server", "gpus_per_server", "amortisation_years", "server_kw", "pue", "usd_per_kwh",
                "colocation_usd_per_kw_month", "staff_usd_per_month", "source");
        double years = node.required("amortisation_years").numberIn(0, 100);
        if (years <= 0) {
            throw node.get("amortisation_years").error("must be > 0 (got " + (years == 0 ? "0" : years)
                    + "): a purchase is spread over at least part of a year");
        }
        double pue = node.get("pue").isMissing() ? 1 : node.get("pue").numberIn(1, 5);
        return new OwnershipSpec(node.required("usd_per_server").numberIn(0, 1e9),
                (int) node.required("gpus_per_server").integerIn(1, 1024), years,
                node.get("server_kw").isMissing() ? 0 : node.get("server_kw").numberIn(0, 10_000), pue,
                node.get("usd_per_kwh").isMissing() ? 0 : node.get("usd_per_kwh").numberIn(0, 100),
                node.get("colocation_usd_per_kw_month").isMissing() ? 0
                        : node.get("colocation_usd_per_kw_month").numberIn(0, 1e6),
                node.get("staff_usd_per_month").isMissing() ? 0 : node.get("staff_usd_per_month").numberIn(0, 1e9),
                node.get("source").text("scenario"));
    }

    static CommitmentSpec commitment(SpecNode node, SpecNode purchase) {
        if (node.isMissing()) {
            return null;
        }
        if (!purchase.isMissing()) {
            throw node.error("an owned pool (purchase) has no rental commitment; remove one of them");
        }
        node.allowOnly("years", "upfront_share");
        int years = (int) node.required("years").integerIn(1, 3);
        if (years == 2) {
            throw node.get("years").error("must be 1 or 3 (the terms providers sell; got 2)");
        }
        return new CommitmentSpec(years, node.get("upfront_share").isMissing() ? 0
                : node.get("upfront_share").numberIn(0, 1));
    }
}
