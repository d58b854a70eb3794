package io.fleetsim.workload;

/** Whatever takes arriving requests: the fleet's router. */
@FunctionalInterface
public interface RequestSink {

    /** A request has just arrived. */
    void accept(Request request);
}
