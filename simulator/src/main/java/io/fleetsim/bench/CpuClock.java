package io.fleetsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time, not wall time: on a machine shared with other work, wall time measures the neighbours.
 * The process figure counts every thread of this JVM (the JIT compiler and the garbage collector
 * too, which are part of what a run costs); the thread figure only the calling thread.
 */
public final class CpuClock {

    /**
     * CPU consumed between two readings.
     *
     * @param processSeconds all threads of this process
     * @param threadSeconds  the thread that took the readings
     */
    public record Span(double processSeconds, double threadSeconds) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart;
    private final long threadStart;

    private CpuClock(long processStart, long threadStart) {
        this.processStart = processStart;
        this.threadStart = threadStart;
    }

    /** Starts a reading now. */
    public static CpuClock start() {
        return new CpuClock(processNanos(), THREADS.getCurrentThreadCpuTime());
    }

    /** CPU consumed since {@link #start()}. */
    public Span elapsed() {
        return new Span((processNanos() - processStart) * 1e-9,
                (THREADS.getCurrentThreadCpuTime() - threadStart) * 1e-9);
    }

    /** CPU time of this whole process so far, in nanoseconds. */
    public static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return THREADS.getCurrentThreadCpuTime();
    }
}
