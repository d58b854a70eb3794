/**
 * Reading input files, whatever they describe: YAML and JSON documents as nodes that know their
 * file, line and field path ({@code SpecDocument}, {@code SpecNode}, {@code SourceMap}), CSV rows,
 * durations and byte sizes in their written forms, references to data files, the nearest valid
 * name for a typo, and the one error type for bad input ({@code ScenarioException}: file, line,
 * field path and what is allowed).
 *
 * <p>A leaf: must not import any other fleetsim package, so that every package may read input.
 */
package io.fleetsim.input;
