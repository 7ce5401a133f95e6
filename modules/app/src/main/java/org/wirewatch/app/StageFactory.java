package org.wirewatch.app;

import org.wirewatch.common.Stage;

/**
 * Builds one {@link Stage} of the pipeline from the effective configuration. Building must not start anything
 * (that is {@link Stage#start()}); it reads and validates the stage's own settings and throws
 * {@link org.wirewatch.common.config.ConfigException} naming every bad key.
 */
@FunctionalInterface
public interface StageFactory {

    Stage create(StageContext context);
}
