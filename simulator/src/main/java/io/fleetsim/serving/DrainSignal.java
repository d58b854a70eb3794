package io.fleetsim.serving;

/** What a draining server runs once it has nothing left in service, at most once. */
final class DrainSignal {

    private Runnable whenEmpty;

    void await(Runnable action) {
        whenEmpty = action;
    }

    void cancel() {
        whenEmpty = null;
    }

    /** The server has just run out of work: run the waiting action, if any. */
    void emptied() {
        if (whenEmpty != null) {
            Runnable action = whenEmpty;
            whenEmpty = null;
            action.run();
        }
    }
}
