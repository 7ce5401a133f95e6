package org.wirewatch.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered version of a subject: the subject, its global schema id, its version within the subject
 * and the schema itself.
 */
public record SchemaMetadata(String subject, int id, int version, Schema schema) {

    public SchemaMetadata {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
