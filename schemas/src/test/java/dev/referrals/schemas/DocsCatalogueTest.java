package dev.referrals.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** docs/schemas.md is the contract other teams read; it must not fall behind the catalogue. */
class DocsCatalogueTest {

    private static final Path DOC = Path.of("..", "docs", "schemas.md");

    @Test
    void theSchemasPageDescribesEveryTopicAndEveryField() throws IOException {
        String page = Files.readString(DOC);

        for (Topic<?, ?> topic : Topics.ALL) {
            assertThat(page).as("topic row").contains("| `" + topic.name() + "` |");
            assertThat(page).as("event section").contains("### `" + topic.name() + "`: "
                    + topic.valueType().getSimpleName());
            for (Schema.Field field : topic.valueSchema().getFields()) {
                assertThat(page).as(topic.name() + " field").contains("| `" + field.name() + "` |");
            }
        }
    }
}
