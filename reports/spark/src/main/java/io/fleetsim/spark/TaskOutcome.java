package io.fleetsim.spark;

/**
 * What a task sends back to the driver: a result's JSON, or (after the last allowed attempt) the
 * number of attempts and the failure. One string, tagged by its first character, so it needs no
 * serializer beyond Spark's own for strings.
 *
 * @param resultJson the result, or null if the unit failed
 * @param attempts   attempts made before giving up (0 on success)
 * @param failure    the last failure, one line, or null on success
 */
record TaskOutcome(String resultJson, int attempts, String failure) {

    static String success(String resultJson) {
        return "R" + resultJson;
    }

    static String failure(int attempts, String failure) {
        return "F" + attempts + ":" + failure.replace('\n', ' ');
    }

    /** Reads what {@link #success} or {@link #failure} wrote. */
    static TaskOutcome parse(String sent) {
        if (sent.startsWith("R")) {
            return new TaskOutcome(sent.substring(1), 0, null);
        }
        int colon = sent.indexOf(':');
        return new TaskOutcome(null, Integer.parseInt(sent.substring(1, colon)), sent.substring(colon + 1));
    }
}
