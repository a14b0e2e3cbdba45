package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.ProvisionMode;

/**
 * Java daemons whose releases Maven Central serves: a Kafka broker (kafka_2.13 and its runtime
 * dependencies) that Kafka's own client writes to and reads from, and Elasticsearch's
 * integration-test archive answering over HTTP with its version.
 */
class ProvisionedKafkaAndElasticsearchTest {

    @Test
    void kafkaTakesARecordAndGivesItBack() throws Exception {
        try (Daemon kafka = Pifpaf.daemon("kafka").provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(ProvisionedTreesDir.shared()).start()) {
            String servers = kafka.env("KAFKA_BOOTSTRAP_SERVERS");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("provisioned", "key", "fetched from Maven Central")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("provisioned"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertEquals("fetched from Maven Central", records.iterator().next().value());
            }
        }
    }

    @Test
    void elasticsearchAnswersWithItsVersion() throws Exception {
        try (Daemon elasticsearch = Pifpaf.daemon("elasticsearch@7.10").provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(ProvisionedTreesDir.shared()).start()) {
            HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(elasticsearch.env("ELASTICSEARCH_HTTP_URL") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, root.statusCode(), root.body());
            assertTrue(root.body().contains("\"number\" : \"7.10.2\""), root.body());
        }
    }
}
