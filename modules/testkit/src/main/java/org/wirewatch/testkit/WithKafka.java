package org.wirewatch.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class one Kafka broker, started before its first test and closed after its last.
 * Declare a {@link KafkaBroker} field (static or not) or parameter to get its handle.
 *
 * <pre>{@code
 * @WithKafka(topics = "wirewatch.reports.raw.v1")
 * class RawReportsIT {
 *     KafkaBroker kafka;
 *
 *     @Test
 *     void shouldReadWhatWasWritten() { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>The broker is the embedded KRaft broker unless {@code -Dwirewatch.it.broker=testcontainers} asks for
 * a container; then a missing Docker engine fails the class instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafka {

    /** Topics (one partition each) to create before the first test. */
    String[] topics() default {};

    /** Whether to create every topic of the Wirewatch catalogue before the first test. */
    boolean catalogue() default false;
}
