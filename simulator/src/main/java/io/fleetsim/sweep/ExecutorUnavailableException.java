package io.fleetsim.sweep;

/**
 * An executor could not be started or lost its engine: a missing runtime, an unreachable master.
 * The message is one line naming what to do; commands report it as invalid input (exit code 2).
 */
public final class ExecutorUnavailableException extends RuntimeException {

    /** The failure {@code message}, one line. */
    public ExecutorUnavailableException(String message) {
        super(message);
    }

    /** The failure {@code message}, one line, caused by {@code cause}. */
    public ExecutorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
