package io.fleetsim.input;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowed name a misspelt one most likely meant, for "did you mean" hints: the closest by
 * edit distance counting a swap of two neighbours as one edit ({@code raet_per_s} is one edit
 * from {@code rate_per_s}, {@code rnu} from {@code run}), if it is close enough to be a typo.
 */
public final class NearestName {

    private NearestName() {
    }

    /** The name in {@code allowed} nearest {@code typed}, when at most a third of its letters (at least one) differ. */
    public static Optional<String> of(String typed, Collection<String> allowed) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : allowed) {
            int d = distance(t, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, Math.min(typed.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance > 0 && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
