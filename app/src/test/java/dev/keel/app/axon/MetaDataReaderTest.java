package dev.keel.app.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.module.SimpleModule;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata read through {@link MetaDataReader} is what Axon's own deserializer would give. */
class MetaDataReaderTest {

    @Test
    void readsMetadataAsAxonDoes() {
        var axon = Jackson3Serializer.builder().build();
        var reader = new MetaDataReader();
        var keel = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder.addModule(
                        new SimpleModule().addDeserializer(MetaData.class, reader)))
                .build();
        MetaData metadata = MetaData.with("actor", "user:1").and("roles", List.of("STAFF", "CUSTOMER"))
                .and("count", 3).and("nothing", null);

        for (int i = 0; i < 3; i++) {
            SerializedObject<byte[]> stored = axon.serialize(metadata, byte[].class);
            MetaData read = keel.deserialize(stored);
            assertThat(read).isEqualTo(axon.<byte[], MetaData>deserialize(stored)).isEqualTo(metadata);
        }
        assertThat(reader.map).as("registered after Axon's, ours did the reading").isNotNull();
    }
}
