package org.wirewatch.app.cli;

import org.wirewatch.streams.StreamsStageConfig.Part;
import picocli.CommandLine.Command;

/** {@code wirewatch tally}: the tally topology alone, for scaled deployments (one container per stage). */
@Command(
        name = "tally",
        description = {
            "Runs the tally topology alone: incidents to casualty tallies per region and day in 1-, 7- and 30-day windows.",
            "Processes with the same wirewatch.application.id share the work; set wirewatch.streams.application.server for queries across them."
        })
public final class TallyCommand extends StreamsCommands.SingleTopology {

    @Override
    Part part() {
        return Part.TALLY;
    }
}
