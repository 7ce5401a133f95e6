package org.wirewatch.app.cli;

import org.wirewatch.streams.StreamsStageConfig.Part;
import picocli.CommandLine.Command;

/** {@code wirewatch consolidate}: the consolidate topology alone, for scaled deployments (one container per stage). */
@Command(
        name = "consolidate",
        description = {
            "Runs the consolidate topology alone: extractions to incidents and claims (mentions of one event from several stories merge into one incident).",
            "Processes with the same wirewatch.application.id share the work."
        })
public final class ConsolidateCommand extends StreamsCommands.SingleTopology {

    @Override
    Part part() {
        return Part.CONSOLIDATE;
    }
}
