package io.fleetsim.workload.arrival;

import io.fleetsim.random.RandomStream;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.trace.Trace;
import io.fleetsim.workload.ArrivalProcess;

/**
 * Replays a trace, scaled in time and in rate. Replayed time is {@code timeScale} x trace time.
 * The rate is scaled by superposing {@code ceil(rateScale)} copies of the trace: copy 0 as
 * recorded, each further copy shifted by a random offset of up to
 * {@link ArrivalSpec.TraceReplay#copyShiftSeconds()} (cyclically within the loop period, so the
 * copy keeps every row); the last copy keeps each row with probability equal to the fractional
 * part (a scale below 1 is thus plain thinning). Copies are merged lazily, in time order (ties go
 * to the lower copy), so nothing is materialized. Each copy draws its shift and thinning from its
 * own stream {@code arrivals/copy-<k>}, so raising the scale adds copies without moving the others.
 */
public final class TraceArrivals implements ArrivalProcess {

    private final Trace trace;
    private final double timeScale;
    private final Copy[] copies;
    private int lastRow = -1;
    private int lastCopy;

    /** The replay a spec describes. */
    public TraceArrivals(ArrivalSpec.TraceReplay spec, RandomStreams streams) {
        this.trace = spec.trace();
        this.timeScale = spec.timeScale();
        int n = (int) Math.ceil(spec.rateScale());
        copies = new Copy[n];
        for (int k = 0; k < n; k++) {
            RandomStream stream = streams.stream("arrivals/copy-" + k);
            double shift = k == 0 ? 0 : stream.nextDouble() * spec.copyShiftSeconds();
            double keep = Math.min(1, spec.rateScale() - k);
            copies[k] = new Copy(trace, spec.periodSeconds(), spec.loop(), shift, keep, stream);
        }
    }

    /** Replays the arrivals in order; {@code time} is the previous arrival, which they never precede. */
    @Override
    public double nextArrivalAfter(double time) {
        int best = -1;
        for (int k = 0; k < copies.length; k++) {
            if (copies[k].nextTime < Double.POSITIVE_INFINITY
                    && (best < 0 || copies[k].nextTime < copies[best].nextTime)) {
                best = k;
            }
        }
        if (best < 0) {
            lastRow = -1;
            return Double.POSITIVE_INFINITY;
        }
        Copy c = copies[best];
        double t = timeScale * c.nextTime;
        lastRow = c.nextRow;
        lastCopy = c.nextCycle * copies.length + best;
        c.advance();
        return t;
    }

    @Override
    public int lastTraceRow() {
        return lastRow;
    }

    /**
     * Superposed copy and loop cycle of the last arrival, {@code cycle x copies + copy}: 0 for the
     * trace as recorded, negative for the rows a shift wrapped to the front (cycle -1).
     */
    @Override
    public int lastTraceCopy() {
        return lastCopy;
    }

    /**
     * One copy of the trace: the periodic sequence {@code t_i + shift + cycle x period}, from the
     * first of its times at or after 0; without looping, exactly one pass over the rows.
     */
    private static final class Copy {
        private final Trace trace;
        private final double period;
        private final boolean loop;
        private final double keep;
        private final RandomStream stream;
        private final double shift;
        private int row;
        private int cycle;
        private int remainingRows;
        double nextTime;
        int nextRow;
        int nextCycle;

        Copy(Trace trace, double period, boolean loop, double shift, double keep, RandomStream stream) {
            this.trace = trace;
            this.period = period;
            this.loop = loop;
            this.shift = shift;
            this.keep = keep;
            this.stream = stream;
            this.remainingRows = trace.size();
            // Rows whose shifted time passes the period wrap to the front, in cycle -1.
            int wrapped = firstRowAtOrAfter(period - shift);
            if (shift > 0 && wrapped < trace.size()) {
                row = wrapped;
                cycle = -1;
            }
            advance();
        }

        private int firstRowAtOrAfter(double t) {
            int lo = 0;
            int hi = trace.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (trace.arrivalSeconds(mid) < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Moves to the next kept row, or sets {@code nextTime} to infinity when the copy is done. */
        void advance() {
            while (loop || remainingRows > 0) {
                double t = trace.arrivalSeconds(row) + shift + cycle * period;
                int r = row;
                int c = cycle;
                if (!loop) {
                    remainingRows--;
                }
                if (++row == trace.size()) {
                    row = 0;
                    cycle++;
                }
                if (keep >= 1 || stream.nextDouble() < keep) {
                    nextTime = t;
                    nextRow = r;
                    nextCycle = c;
                    return;
                }
            }
            nextTime = Double.POSITIVE_INFINITY;
        }
    }
}
