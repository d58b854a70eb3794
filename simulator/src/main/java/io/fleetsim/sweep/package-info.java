/**
 * Grids of scenario variants run with replications and confidence intervals ({@code sweep}), the
 * search for the best configuration meeting constraints ({@code Optimizer}: where bisection is
 * valid is decided by {@code BisectionRule}, pruning by {@code CostFloor}), sensitivity runs, and
 * the resumable results file. A unit of work is a pure function of its JSON-serializable input.
 *
 * <p>Runs scenarios through {@code run}; must not import the packages built on it ({@code compare},
 * {@code plan}, {@code bench}, {@code validation}; checked by {@code DependencyRulesTest}). A refused input
 * (a variation, a constraint, replications) is a {@code SweepInputException} naming the
 * {@code SweepInput} in the simulator's words; the command line spells the flags.
 */
package io.fleetsim.sweep;
