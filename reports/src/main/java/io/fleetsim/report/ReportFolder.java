package io.fleetsim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one run's report, written atomically into one folder: {@code report.json}, the
 * terminal summary ({@code summary.txt}), {@code summary.csv}, {@code timeseries.csv} and the
 * page {@code index.html}. Same scenario and seed, same bytes.
 */
public final class ReportFolder {

    /** The files written, in the order they are written. */
    public static final List<String> FILES = List.of("report.json", "summary.txt", "summary.csv", "timeseries.csv",
            "index.html");

    private ReportFolder() {
    }

    /**
     * Writes the report of {@code report} as the folder {@code folder}, whole or not at all (see
     * {@link StagedFolder}): a reader, or a writer killed midway, never leaves a folder that mixes
     * two runs or lacks a file.
     */
    public static void replace(Path folder, RunReport report) throws IOException {
        replace(folder, report, true);
    }

    /** As {@link #replace(Path, RunReport)}, the page without its charts unless {@code withCharts}. */
    public static void replace(Path folder, RunReport report, boolean withCharts) throws IOException {
        StagedFolder staged = StagedFolder.beside(folder);
        try {
            write(staged.path(), report, withCharts);
        } catch (IOException | RuntimeException e) {
            staged.abandon();
            throw e;
        }
        staged.commit();
    }

    /** Writes every report file of {@code report} into {@code folder}, creating it if needed. */
    public static void write(Path folder, RunReport report) throws IOException {
        write(folder, report, true);
    }

    /** As {@link #write(Path, RunReport)}, the page without its charts unless {@code withCharts}. */
    public static void write(Path folder, RunReport report, boolean withCharts) throws IOException {
        AtomicFiles.writeString(folder.resolve("report.json"), JsonReport.render(report.result()));
        AtomicFiles.writeString(folder.resolve("summary.txt"), SummaryTable.render(report.result()));
        AtomicFiles.writeString(folder.resolve("summary.csv"),
                CsvTableRenderer.render(RunTables.summary(report.result())));
        AtomicFiles.writeString(folder.resolve("timeseries.csv"),
                CsvTableRenderer.render(TimeSeriesTable.of(report.result().timeSeries())));
        AtomicFiles.writeString(folder.resolve("index.html"), RunHtmlReport.render(report, withCharts));
    }
}
