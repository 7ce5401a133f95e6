package org.wirewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, taken before the broker touches it. Kafka's own {@code .lock} is taken
 * only after the KRaft layer has opened the metadata log, so a second broker on the same directory would read (and
 * could damage) the first one's metadata log before it noticed; this lock refuses it up front.
 *
 * <p>The lock file sits beside the directory ({@code <dir>.lock}), so the directory itself stays exactly as Kafka
 * formats it. It works across processes and within one JVM.
 */
final class DirectoryLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another broker (in this or another process) holds the directory */
    static DirectoryLock acquire(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path file = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(absolute, file, null);
            }
            return new DirectoryLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(absolute, file, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the Kafka data directory " + absolute + " with " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir, Path file, Exception cause) {
        return new IllegalStateException(
                "The Kafka data directory " + dir + " is in use by another embedded"
                        + " broker (is another 'wirewatch run' running? lock: " + file + ")",
                cause);
    }

    /** @return the lock file beside the directory */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
