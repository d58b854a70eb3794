package io.fleetsim.serving;

import io.fleetsim.workload.Request;

/** A request inside a replica's running batch: its progress, owned by that replica. */
final class Sequence {

    final Request request;
    final double admittedAt;
    final long admissionOrder;
    int prefilled;
    int chunk;
    double firstTokenAt;
    long finishIteration;

    Sequence(Request request, double admittedAt, long admissionOrder) {
        this.request = request;
        this.admittedAt = admittedAt;
        this.admissionOrder = admissionOrder;
    }

    int promptRemaining() {
        return request.promptTokens() - prefilled;
    }
}
