package org.wirewatch.ingest;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** A one-thread scheduler whose delayed tasks are dropped at shutdown, so closing a source never waits them out. */
final class DaemonScheduler {

    private DaemonScheduler() {}

    static ScheduledThreadPoolExecutor create(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
