package org.wirewatch.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the members of classic consumer groups, as {@code kafka-consumer-groups.sh --delete} cannot while they
 * are there.
 *
 * <p>For a broker that one process owns, after that process died: the restarted broker loads the groups with the
 * dead process's members and, when the new process joins, waits for them to rejoin until their session times out
 * (45 s by default) before the first rebalance completes. Nothing is waited for once they are removed. Wrong on a
 * shared cluster, where members belong to other live instances.
 */
public final class GroupMembers {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMembers.class);
    private static final long TIMEOUT_SECONDS = 30;

    private GroupMembers() {}

    /**
     * Removes every member of each classic group that {@code groups} accepts and that has members.
     *
     * @return the groups whose members were removed
     */
    public static List<String> removeAll(Admin admin, Predicate<String> groups) {
        try {
            List<String> candidates = new ArrayList<>();
            for (GroupListing g : admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (groups.test(g.groupId()) && g.type().orElse(GroupType.CLASSIC) == GroupType.CLASSIC) {
                    candidates.add(g.groupId());
                }
            }
            List<String> removed = new ArrayList<>();
            if (candidates.isEmpty()) {
                return removed;
            }
            for (ConsumerGroupDescription d : admin.describeConsumerGroups(candidates)
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values()) {
                if (d.members().isEmpty()) {
                    continue;
                }
                // No member named: the broker removes all of them.
                admin.removeMembersFromConsumerGroup(d.groupId(), new RemoveMembersFromConsumerGroupOptions())
                        .all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                removed.add(d.groupId());
                LOG.info(
                        "Removed {} member(s) of the previous process from consumer group {}",
                        d.members().size(),
                        d.groupId());
            }
            return removed;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot remove stale consumer group members: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing stale consumer group members", e);
        }
    }
}
