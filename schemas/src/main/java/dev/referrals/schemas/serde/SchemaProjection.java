package dev.referrals.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Rewrites a record of one schema as a record of another by Avro's schema resolution, for
 * {@code use.latest.version}. Writing a record with a schema it was not built for would match fields by position,
 * silently mixing up fields that moved; resolving through the binary form matches them by name and fills defaults,
 * exactly as a consumer would.
 */
final class SchemaProjection {

    private final DatumWriter<Object> sourceWriter;
    private final DatumReader<Object> resolvingReader;

    SchemaProjection(Schema source, GenericData sourceModel, Schema target) {
        this.sourceWriter = AvroSerializer.newWriter(source, sourceModel);
        this.resolvingReader = new GenericDatumReader<>(source, target, GenericData.get());
    }

    /** The record as a generic record of the target schema. Only used off the fast path, so it allocates freely. */
    Object apply(Object record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        sourceWriter.write(record, encoder);
        encoder.flush();
        return resolvingReader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
