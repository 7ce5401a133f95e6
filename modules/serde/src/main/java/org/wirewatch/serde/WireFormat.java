package org.wirewatch.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's framing of a registry-encoded record: magic byte 0, the schema id as a 4-byte big-endian int, then
 * the Avro binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The schema id in the header of {@code data}, assuming a header check has passed. */
    public static int schemaId(byte[] data) {
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /** Why {@code data} cannot be a framed record, or null when its header is well formed. */
    public static String headerProblem(byte[] data) {
        if (data.length < HEADER_SIZE) {
            return "record of " + data.length + " bytes is shorter than the " + HEADER_SIZE
                    + "-byte header (magic byte and schema id)";
        }
        if (data[0] != MAGIC_BYTE) {
            return String.format(
                    "unknown magic byte 0x%02x (expected 0x00): not written by a schema registry " + "serializer",
                    data[0]);
        }
        return null;
    }
}
