package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.junit.jupiter.api.Test;

/** Avro's locations, as its own check reports them, turned into the fields a developer recognises. */
class FieldPathTest {

    private static final Schema POINT = SchemaBuilder.record("Point").fields()
            .requiredInt("x").requiredInt("y").endRecord();
    private static final Schema POINT_WITH_TEXT_X = SchemaBuilder.record("Point").fields()
            .requiredString("x").requiredInt("y").endRecord();

    @Test
    void aFieldOfANestedRecordIsNamedWithItsRecordField() {
        Schema reader = sample(POINT_WITH_TEXT_X);

        FieldPath path = onlyIncompatibility(reader, sample(POINT));

        assertThat(path.dotted()).contains("point.x");
        assertThat(path.withinSchema()).isTrue();
    }

    @Test
    void arrayItemsMapValuesAndUnionBranchesAreWalkedThrough() {
        Schema reader = SchemaBuilder.record("Sample").fields()
                .name("points").type().array().items(POINT).noDefault()
                .name("byName").type().map().values(POINT).noDefault()
                .name("maybe").type().unionOf().nullType().and().type(POINT).endUnion().nullDefault()
                .endRecord();

        assertThat(FieldPath.of(reader, "/fields/0/type/items/fields/1/type").dotted()).contains("points.y");
        assertThat(FieldPath.of(reader, "/fields/1/type/values/fields/0/type").dotted()).contains("byName.x");
        assertThat(FieldPath.of(reader, "/fields/2/type/1/fields/0/type").dotted()).contains("maybe.x");
    }

    @Test
    void aLocationAtTheRecordItselfNamesNoField() {
        Schema reader = sample(POINT);

        assertThat(FieldPath.of(reader, "/").dotted()).isEmpty();
        assertThat(FieldPath.of(reader, "/name").dotted()).isEmpty();
        assertThat(FieldPath.of(reader, "/name").withinSchema()).isTrue();
    }

    @Test
    void aUnionThatLostItsLastBranchKeepsTheFieldButLeavesTheReaderSchema() {
        // Avro numbers the writer's union, so the missing third branch is /2 of a two-branch reader union.
        Schema reader = union(SchemaBuilder.unionOf().nullType().and().stringType().endUnion());
        Schema writer = union(SchemaBuilder.unionOf().nullType().and().stringType().and().intType().endUnion());

        FieldPath path = onlyIncompatibility(reader, writer);

        assertThat(path.names()).containsExactly("value");
        assertThat(path.withinSchema()).isFalse();
    }

    private static FieldPath onlyIncompatibility(Schema reader, Schema writer) {
        List<Incompatibility> found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities();
        assertThat(found).hasSize(1);
        return FieldPath.of(reader, found.get(0).getLocation());
    }

    private static Schema sample(Schema point) {
        return SchemaBuilder.record("Sample").fields()
                .requiredString("id")
                .name("point").type(point).noDefault()
                .endRecord();
    }

    private static Schema union(Schema union) {
        return SchemaBuilder.record("Sample").fields().name("value").type(union).noDefault().endRecord();
    }
}
