/**
 * A schema registry endpoint with the Confluent Schema Registry REST API subset Wirewatch and Confluent's clients
 * use, its schemas kept in a compacted single-partition Kafka topic ({@code _schemas}) so that ids survive
 * restarts. {@link org.wirewatch.registry.SchemaRegistryServer} is the {@code Stage} that {@code wirewatch run}
 * starts at http://localhost:8081 for the embedded default; against an existing cluster Confluent's own registry
 * takes its place.
 */
package org.wirewatch.registry;
