/**
 * Avro serdes in Confluent's wire format and clients of the Confluent Schema Registry REST API.
 *
 * <p>Records on Wirewatch topics are framed as Confluent's serializers frame them: byte 0, the writer schema's
 * registry id as a 4-byte big-endian int, then Avro binary. So Confluent's consumers in any language read them,
 * and Wirewatch reads what they write.
 *
 * <ul>
 *   <li>{@link org.wirewatch.serde.AvroSerializer}, {@link org.wirewatch.serde.AvroDeserializer} and
 *       {@link org.wirewatch.serde.AvroSerde} for generated classes; {@link org.wirewatch.serde.AvroSerdes#of} builds
 *       a configured serde; {@link org.wirewatch.serde.GenericAvroDeserializer} reads any record for tools.</li>
 *   <li>{@link org.wirewatch.serde.SchemaRegistryClient}: {@link org.wirewatch.serde.RestSchemaRegistryClient} for a
 *       real registry (Confluent's or Wirewatch's), {@link org.wirewatch.serde.MockSchemaRegistry} for
 *       {@code mock://scope} URLs in tests; {@link org.wirewatch.serde.SchemaRegistryClients#forUrl} picks one.</li>
 *   <li>Settings use Confluent's key names: {@link org.wirewatch.serde.AvroSerdeConfig} (serializer and
 *       deserializer) and {@link org.wirewatch.serde.SchemaRegistryClientConfig} (auth, TLS, timeouts).</li>
 * </ul>
 *
 * <pre>{@code
 * Serde<WireReport> reports = AvroSerdes.of(WireReport.class, "http://localhost:8081",
 *         Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "user:secret"), false);
 * }</pre>
 */
package org.wirewatch.serde;
