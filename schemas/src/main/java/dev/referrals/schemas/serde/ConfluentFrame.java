package dev.referrals.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian int, then the Avro binary
 * body. Downstream consumers use Confluent's own deserializer, so this layout is the contract, byte for byte.
 */
public final class ConfluentFrame {

    public static final byte MAGIC_BYTE = 0;
    public static final int SCHEMA_ID_SIZE = Integer.BYTES;
    /** Bytes before the Avro body. */
    public static final int HEADER_SIZE = 1 + SCHEMA_ID_SIZE;
    private static final int BITS_PER_BYTE = 8;
    private static final int BYTE_MASK = 0xFF;

    private ConfluentFrame() {
    }

    /** Writes the magic byte and the schema id, big-endian. */
    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        for (int shift = (SCHEMA_ID_SIZE - 1) * BITS_PER_BYTE; shift >= 0; shift -= BITS_PER_BYTE) {
            out.write((schemaId >>> shift) & BYTE_MASK);
        }
    }

    /**
     * The schema id of the frame between the buffer's position and limit; the buffer is not moved.
     *
     * @throws AvroSerdeException with {@link AvroSerdeException.Reason#MALFORMED_FRAME} for a short frame or a wrong
     *                            magic byte
     */
    static int schemaId(String topic, ByteBuffer frame) {
        if (frame.remaining() < HEADER_SIZE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_FRAME, topic, null,
                    "the value has " + frame.remaining() + " bytes, fewer than the " + HEADER_SIZE
                            + " of a Confluent frame header (magic byte and schema id)", null);
        }
        byte magic = frame.get(frame.position());
        if (magic != MAGIC_BYTE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_FRAME, topic, null,
                    "unknown magic byte " + magic + " (expected " + MAGIC_BYTE
                            + "): not written by a Confluent-compatible Avro serializer", null);
        }
        // Byte by byte rather than getInt: the caller's buffer may have been switched to little-endian.
        int id = 0;
        for (int i = 1; i <= SCHEMA_ID_SIZE; i++) {
            id = (id << BITS_PER_BYTE) | (frame.get(frame.position() + i) & BYTE_MASK);
        }
        return id;
    }
}
