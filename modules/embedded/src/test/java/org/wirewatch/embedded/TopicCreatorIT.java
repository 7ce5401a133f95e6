package org.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;

class TopicCreatorIT {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    void shouldCreateEveryCatalogueTopicWithItsLayoutWhenTheClusterIsEmpty() throws Exception {
        // when
        TopicCreator.Result first = TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
        TopicCreator.Result second = TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());

        // then the first call created all, the second none
        Set<String> names = Topics.catalogue().stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(names);

        // and each topic has the catalogue's partitions, cleanup policy and retention
        var descriptions = admin.describeTopics(names).allTopicNames().get();
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get();
        for (TopicSpec spec : Topics.catalogue()) {
            assertThat(descriptions.get(spec.name()).partitions())
                    .as(spec.name())
                    .hasSize(spec.partitions());
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            assertThat(config.get("cleanup.policy").value()).as(spec.name()).isEqualTo(spec.cleanupPolicy());
            assertThat(config.get("retention.ms").value()).as(spec.name()).isEqualTo(Long.toString(spec.retentionMs()));
        }
    }

    @Test
    void shouldLeaveAnExistingTopicAloneWhenItDiffersFromTheCatalogue() throws Exception {
        // given a topic created by hand with another layout
        TopicSpec spec = new TopicSpec("creator.handmade.v1", 4, true, java.util.Optional.empty(), null, "test");
        admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(spec.name(), 2, (short) 1)))
                .all()
                .get();
        TopicCreator.awaitTopics(admin, List.of(spec.name()));

        // when
        TopicCreator.Result result = TopicCreator.createMissing(admin, List.of(spec));

        // then
        assertThat(result.created()).isEmpty();
        assertThat(result.existing()).containsExactly(spec.name());
        assertThat(admin.describeTopics(List.of(spec.name()))
                        .allTopicNames()
                        .get()
                        .get(spec.name())
                        .partitions())
                .hasSize(2);
    }

    @Test
    void shouldNameTheMigrationWhenTheRawTopicStillDeletesReports() throws Exception {
        // given a raw reports topic as deployments before the archive created it
        TopicSpec raw = Topics.spec(Topics.RAW_REPORTS);
        TopicSpec old = new TopicSpec(
                "creator.raw.v1",
                raw.partitions(),
                false,
                java.util.Optional.of(java.time.Duration.ofDays(90)),
                null,
                "test");
        TopicSpec archive = new TopicSpec(old.name(), raw.partitions(), true, java.util.Optional.empty(), null, "test");
        TopicCreator.createMissing(admin, List.of(old));

        // when checked against the catalogue's compacted spec, and against its own
        List<String> problems = TopicCreator.policyMismatches(admin, List.of(archive), List.of(old.name()));
        List<String> none = TopicCreator.policyMismatches(admin, List.of(old), List.of(old.name()));

        // then the difference is named, and the topic is left as it was
        assertThat(problems)
                .singleElement()
                .asString()
                .contains(old.name(), "cleanup.policy=delete", "the catalogue says compact");
        assertThat(none).isEmpty();
        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, old.name())))
                .all()
                .get()
                .values()
                .iterator()
                .next();
        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
    }
}
