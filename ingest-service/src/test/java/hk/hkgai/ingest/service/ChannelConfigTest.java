package hk.hkgai.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import hk.hkgai.contracts.Topics;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The one place a topic name is repeated outside Topics: the processor's channel must point at the raw topic. */
class ChannelConfigTest {
    @Test
    void processorChannelConsumesTheRawTopic() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("mp.messaging.incoming." + NewsProcessor.CHANNEL + ".topic")).isEqualTo(Topics.NEWS_RAW);
        assertThat(p.getProperty("mp.messaging.incoming." + NewsProcessor.CHANNEL + ".group.id")).isEqualTo("ingest-processor");
        for (String topic : new String[] {Topics.NEWS_RAW, Topics.NEWS_CHUNKS, Topics.NEWS_DEAD_LETTER}) {
            assertThat(p.getProperty("mp.messaging.outgoing.\"" + topic + "\".acks")).as(topic).isEqualTo("all");
            assertThat(p.getProperty("mp.messaging.outgoing.\"" + topic + "\".enable.idempotence")).as(topic).isEqualTo("true");
        }
    }
}
