package org.wirewatch.registry;

import org.apache.avro.Schema;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaMetadata;

/** The registry's write path: changes that must be stored before they are visible. */
interface SchemaWriter {

    /**
     * Registers {@code schema} under {@code subject} and returns the stored version (the existing one when the
     * schema is already registered there).
     *
     * @throws org.wirewatch.serde.SchemaRegistryException 409 when incompatible, 50001/50002 when the store fails
     */
    SchemaMetadata register(String subject, Schema schema);

    /** Sets the global compatibility level ({@code subject} null) or a subject's own level. */
    void setCompatibility(String subject, Compatibility level);
}
