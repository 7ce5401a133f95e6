package org.wirewatch.app;

import java.util.Optional;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.HangingTransactions;

/**
 * What a stage is built from.
 *
 * @param core                the shared settings, pointing at the running cluster and registry (the embedded ones
 *                            when {@code run} started them), so {@code core.bootstrapServers()} is always present
 * @param settings            every setting, for the stage's own {@code wirewatch.<module>.*} keys
 * @param hangingTransactions what the start-up check for hanging transactions did, for health and metrics; empty
 *                            when it was turned off
 */
public record StageContext(
        CoreConfig core, Settings settings, Optional<HangingTransactions.Report> hangingTransactions) {

    /** The bootstrap servers of the running cluster. */
    public String bootstrapServers() {
        return core.bootstrapServers().orElseThrow();
    }

    /** The schema registry URL of the running cluster, as a string for serde configs. */
    public String schemaRegistryUrl() {
        return core.schemaRegistryUrl().toString();
    }
}
