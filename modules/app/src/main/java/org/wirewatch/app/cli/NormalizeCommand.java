package org.wirewatch.app.cli;

import org.wirewatch.streams.StreamsStageConfig.Part;
import picocli.CommandLine.Command;

/** {@code wirewatch normalize}: the normalize topology alone, for scaled deployments (one container per stage). */
@Command(
        name = "normalize",
        description = {
            "Runs the normalize topology alone: raw reports to extractions (latest version per story wins, canceled stories become tombstones).",
            "Processes with the same wirewatch.application.id share the work."
        })
public final class NormalizeCommand extends StreamsCommands.SingleTopology {

    @Override
    Part part() {
        return Part.NORMALIZE;
    }
}
