package org.wirewatch.embedded;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientRequest;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.DefaultHostResolver;
import org.apache.kafka.clients.ManualMetadataUpdater;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.NetworkClientUtils;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;

/**
 * Writes the commit marker of a transaction its coordinator recorded as committed to a partition that never got it.
 *
 * <p>{@link org.apache.kafka.clients.admin.Admin#abortTransaction} writes only abort markers (KIP-664), and an abort
 * is the wrong repair for a transaction its coordinator committed: its input offsets are committed, so its records
 * would be lost for good. A coordinator that restarts with a transaction in PrepareCommit sends the markers again, but
 * it drops those for partitions whose leader it cannot find at that moment as belonging to deleted topics, and then
 * records the commit as complete: seen on the single-node default after a {@code kill -9} between the prepare and the
 * last marker. This sends the WriteTxnMarkers request the coordinator would have sent (the same API, so the cluster
 * must grant the cluster action to this client, as it does when no authorizer is set).
 */
public final class CommitMarkers implements AutoCloseable {

    private final NetworkClient client;
    private final Metrics metrics = new Metrics();
    private final Duration timeout;

    /**
     * @param clientConfig the Kafka client settings of the cluster (bootstrap servers, security), as for an admin
     *                     client
     */
    public CommitMarkers(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> conf = new HashMap<>(clientConfig);
        conf.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "wirewatch-commit-markers");
        AdminClientConfig config = new AdminClientConfig(conf);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = ClientUtils.createNetworkClient(
                config,
                config.getString(AdminClientConfig.CLIENT_ID_CONFIG),
                metrics,
                "wirewatch-commit-markers",
                new LogContext("[commit markers] "),
                new ApiVersions(),
                Time.SYSTEM,
                1,
                (int) timeout.toMillis(),
                null,
                new ManualMetadataUpdater(),
                new DefaultHostResolver(),
                null,
                null);
    }

    /**
     * Writes the commit marker of producer {@code producerId}'s transaction to {@code partition}, led by
     * {@code leader}.
     *
     * @param markerEpoch        the epoch the coordinator writes its markers with: the transaction's own under
     *                           transaction version 0 and 1, one above it under version 2
     * @param coordinatorEpoch   at least the coordinator epoch the partition last saw for the producer
     * @param transactionVersion the cluster's finalized {@code transaction.version}
     * @throws IOException when the leader cannot be reached or answers with an error
     */
    public void commit(
            Node leader,
            TopicPartition partition,
            long producerId,
            short markerEpoch,
            int coordinatorEpoch,
            short transactionVersion)
            throws IOException {
        Time time = Time.SYSTEM;
        if (!NetworkClientUtils.awaitReady(client, leader, time, timeout.toMillis())) {
            throw new IOException("Leader " + leader + " of " + partition + " not reachable within " + timeout);
        }
        WriteTxnMarkersRequest.Builder request =
                new WriteTxnMarkersRequest.Builder(List.of(new WriteTxnMarkersRequest.TxnMarkerEntry(
                        producerId,
                        markerEpoch,
                        coordinatorEpoch,
                        TransactionResult.COMMIT,
                        List.of(partition),
                        transactionVersion)));
        ClientRequest clientRequest = client.newClientRequest(leader.idString(), request, time.milliseconds(), true);
        ClientResponse response = NetworkClientUtils.sendAndReceive(client, clientRequest, time);
        if (response.versionMismatch() != null) {
            throw new IOException("Leader " + leader + " cannot take WriteTxnMarkers: " + response.versionMismatch());
        }
        Errors error = ((WriteTxnMarkersResponse) response.responseBody())
                .errorsByProducerId()
                .getOrDefault(producerId, Map.of())
                .getOrDefault(partition, Errors.UNKNOWN_SERVER_ERROR);
        if (error != Errors.NONE) {
            throw new IOException("Commit marker of producer " + producerId + " on " + partition + " refused: "
                    + error.name() + " (" + error.message() + ")");
        }
    }

    @Override
    public void close() {
        client.close();
        metrics.close();
    }
}
