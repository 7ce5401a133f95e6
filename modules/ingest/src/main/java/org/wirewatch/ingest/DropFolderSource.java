package org.wirewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.formats.Excerpts;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.RejectionCode;

/**
 * The drop folder: every complete file put into the inbox becomes reports on the raw topic and moves to
 * {@code processed/}, or becomes a rejection and moves to {@code failed/} with {@code <name>.reason} beside it.
 * A file whose items were only partly usable (a feed with one entry lacking a body) moves to {@code processed/}
 * with a {@code .reason} beside it naming each item that went to the rejected topic instead.
 *
 * <p>Only complete files are read: dotfiles and names ending in {@code .tmp}, {@code .part}, {@code .partial},
 * {@code .crdownload} or {@code .swp} are ignored (so "write to .tmp, then rename" works), and any other file is
 * read only once its size and modification time have stayed the same for the settle time. A file-system watch
 * triggers scans early; a periodic rescan catches what a watch can miss (network mounts, overflow).
 *
 * <p>The inbox, {@code processed/} and {@code failed/} are recreated on the next scan (or move) when removed
 * while running.
 *
 * <p>A file moves only after the broker acknowledged what it produced. If delivery fails, the file stays in the
 * inbox and is tried again on a later scan; a re-sent story version is a no-op downstream.
 */
public final class DropFolderSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderSource.class);
    private static final String SOURCE = "drop-folder";
    private static final Set<String> PARTIAL_SUFFIXES = Set.of(".tmp", ".part", ".partial", ".crdownload", ".swp");

    private final Path inbox;
    private final Path processed;
    private final Path failed;
    private final ReportIngestor ingestor;
    private final Duration rescan;
    private final Duration settle;
    private final int maxBytes;
    private final Clock clock;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final Map<Path, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile WatchService watch;
    private volatile WatchKey watchKey;
    private volatile Thread watcher;
    private volatile boolean closing;

    private record Observation(long size, Instant modified, Instant since) {}

    public DropFolderSource(
            Path inbox, ReportIngestor ingestor, Duration rescan, Duration settle, int maxBytes, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.processed = inbox.resolve("processed");
        this.failed = inbox.resolve("failed");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.rescan = rescan;
        this.settle = settle;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.scheduler = DaemonScheduler.create("ingest-drop-folder");
    }

    /** Creates the folders, starts the watch and the periodic scan. */
    public void start() throws IOException {
        Files.createDirectories(processed);
        Files.createDirectories(failed);
        try {
            watch = inbox.getFileSystem().newWatchService();
            watchKey = register();
            watcher = new Thread(this::watchLoop, "ingest-drop-folder-watch");
            watcher.setDaemon(true);
            watcher.start();
        } catch (IOException | UnsupportedOperationException e) {
            // The rescan alone still finds every file, only later.
            LOG.warn("No file-system watch on {} ({}); relying on the {} rescan", inbox, e.toString(), rescan);
        }
        scheduler.scheduleWithFixedDelay(this::scanSafely, 0, rescan.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Watching drop folder {} (processed/ and failed/ inside it)", inbox.toAbsolutePath());
    }

    private void watchLoop() {
        try {
            while (!closing) {
                var key = watch.take();
                key.pollEvents();
                if (!key.reset()) {
                    // The inbox itself was removed: the scan recreates it and watches the new one.
                    LOG.warn("Drop folder {} was removed; recreating it", inbox);
                }
                // Look now to start the settle clock, and again once the file may have settled.
                scheduler.execute(this::scanSafely);
                scheduler.schedule(this::scanSafely, settle.toMillis() + 20, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void scanSafely() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scan of drop folder {} failed: {}", inbox, e.toString());
        }
    }

    private WatchKey register() throws IOException {
        return inbox.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /**
     * Recreates the inbox, {@code processed/} and {@code failed/} when someone removed them while running, and
     * watches a recreated inbox again, so that files keep flowing instead of being delivered but never moved.
     */
    private void ensureFolders() throws IOException {
        for (Path dir : List.of(inbox, processed, failed)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                LOG.warn("Drop folder {} was missing; recreated it", dir);
            }
        }
        WatchKey key = watchKey;
        if (watch != null && key != null && !key.isValid() && !closing) {
            try {
                watchKey = register();
            } catch (ClosedWatchServiceException e) {
                // closing
            }
        }
    }

    /** One pass over the inbox: reads the files that have settled. Runs on the scheduler thread. */
    void scan() throws IOException {
        if (closing) {
            return;
        }
        ensureFolders();
        Instant now = clock.instant();
        Set<Path> present = new java.util.HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path file : files) {
                if (!candidate(file)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                present.add(file);
                if (inFlight.containsKey(file)) {
                    continue;
                }
                Instant modified = attrs.lastModifiedTime().toInstant();
                Observation seen = observed.get(file);
                if (seen == null
                        || seen.size() != attrs.size()
                        || !seen.modified().equals(modified)) {
                    observed.put(file, new Observation(attrs.size(), modified, now));
                } else if (!now.isBefore(seen.since().plus(settle))) {
                    observed.remove(file);
                    process(file, attrs.size());
                }
            }
        }
        observed.keySet().retainAll(present);
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return PARTIAL_SUFFIXES.stream().noneMatch(lower::endsWith);
    }

    private void process(Path file, long size) {
        String name = file.getFileName().toString();
        String sourceId = file.toString();
        // Registered before any work, so that a scan from another thread never offers the file twice.
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.put(file, done);
        CompletableFuture<IngestOutcome> outcome;
        try {
            if (size > maxBytes) {
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(Excerpts.MAX_EXCERPT_BYTES);
                }
                ParseResult tooLarge = new ParseResult.Rejection(
                        RejectionCode.TOO_LARGE,
                        "file of " + size + " bytes exceeds the limit of " + maxBytes + " bytes",
                        null);
                outcome = ingestor.publish(
                        tooLarge, size, head, SOURCE, sourceId, SOURCE + ":" + sourceId, Optional.empty());
            } else {
                outcome = ingestor.ingest(
                        Files.readAllBytes(file), SOURCE, sourceId, SOURCE + ":" + sourceId, Optional.empty());
            }
        } catch (IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                LOG.warn("Cannot read {} from the drop folder, will retry: {}", file, e.toString());
            }
            inFlight.remove(file);
            done.complete(null);
            return;
        }
        outcome.whenCompleteAsync(
                (result, error) -> {
                    try {
                        if (error != null) {
                            LOG.error("{} not delivered, left in the inbox to retry: {}", file, error.toString());
                        } else {
                            settleFile(file, name, result);
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.error("{} was delivered but could not be moved out of the inbox: {}", file, e.toString());
                    } finally {
                        inFlight.remove(file);
                        done.complete(null);
                    }
                },
                scheduler);
    }

    private void settleFile(Path file, String name, IngestOutcome result) throws IOException {
        if (!Files.exists(file)) {
            LOG.warn("{} was delivered but removed from the inbox before it could be moved", file);
            return;
        }
        if (result instanceof IngestOutcome.Rejected rejected) {
            Path target = move(file, failed, name);
            String reason = rejected.reason() + "\n" + "code=" + rejected.code()
                    + (rejected.format() == null ? "" : " format=" + rejected.format()) + " at=" + clock.instant()
                    + "\n";
            writeReason(target, reason);
            LOG.debug("Rejected {}: {}", file, rejected.reason());
        } else {
            Path target = move(file, processed, name);
            if (result instanceof IngestOutcome.Published published
                    && !published.rejectedItems().isEmpty()) {
                StringBuilder reasons = new StringBuilder();
                for (IngestOutcome.RejectedItem item : published.rejectedItems()) {
                    reasons.append(item.sourceId())
                            .append(": ")
                            .append(item.reason())
                            .append('\n')
                            .append("code=")
                            .append(item.code())
                            .append('\n');
                }
                writeReason(target, reasons.toString());
            }
            LOG.debug("Ingested {}: {}", file, result);
        }
    }

    private static void writeReason(Path moved, String reason) throws IOException {
        Files.writeString(
                moved.resolveSibling(moved.getFileName() + ".reason"),
                reason,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Moves into {@code dir}, never overwriting: a second {@code a.json} becomes {@code a-2.json}. */
    private static Path move(Path file, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path target = dir.resolve(n == 1 ? name : stem + "-" + n + ext);
            if (Files.exists(target) || Files.exists(target.resolveSibling(target.getFileName() + ".reason"))) {
                continue;
            }
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // raced with another writer; try the next name
            }
        }
    }

    /** Number of files read but not yet settled (acknowledged and moved). */
    int inFlight() {
        return inFlight.size();
    }

    /** Stops watching, then waits (bounded) until every file read so far is acknowledged and moved. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (IOException e) {
            LOG.debug("Closing the watch service: {}", e.toString());
        }
        try {
            CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("{} drop-folder files still unacknowledged at close; they stay in the inbox", inFlight.size());
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
