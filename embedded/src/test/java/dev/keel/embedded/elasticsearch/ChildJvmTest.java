package dev.keel.embedded.elasticsearch;

import dev.keel.embedded.elasticsearch.node.NodeMain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parent names the child's entry point and protocol as strings, so it never loads an Elasticsearch class. */
class ChildJvmTest {

    @Test
    void speaksTheSameProtocolAsTheChild() {
        assertThat(ChildJvm.MAIN_CLASS).isEqualTo(NodeMain.class.getName());
        assertThat(ChildJvm.DELETE_ON_EXIT).isEqualTo(NodeMain.DELETE_ON_EXIT);
        assertThat(ReadySignal.URL_PREFIX).isEqualTo(NodeMain.URL_PREFIX);
    }
}
