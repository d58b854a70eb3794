package io.fleetsim.serving;

/** Accumulates the time a server spends busy, from its idle/busy transitions. */
final class BusyClock {

    private double busySince = Double.NaN;
    private double busyTotal;

    void busyAt(double time) {
        if (Double.isNaN(busySince)) {
            busySince = time;
        }
    }

    void idleAt(double time) {
        if (!Double.isNaN(busySince)) {
            busyTotal += time - busySince;
            busySince = Double.NaN;
        }
    }

    double busySeconds(double now) {
        return busyTotal + (Double.isNaN(busySince) ? 0 : now - busySince);
    }
}
