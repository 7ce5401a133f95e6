package org.wirewatch.streams.replay;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java processes running this test's own code, for tests that kill them with SIGKILL and start them again.
 *
 * <p>The test classpath is copied once under {@code root}: every process of a test must execute the same code even
 * if a dependency (the extraction engine) is reinstalled in the local repository meanwhile. Each process writes its
 * output to a file of its own under {@code root}, never to a pipe: a pipe nobody reads fills up and blocks the
 * child's logging.
 */
public final class ChildJvm {

    /** A started process and the file its output goes to. */
    public record Child(Process process, Path log) {

        /** The output so far (ISO-8859-1, so that any byte reads). */
        public String output() throws IOException {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        }

        /** SIGKILL, then waits until the process is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    private final Path root;
    private final List<String> jvmFlags;
    private String classpath;

    /**
     * @param root     where the classpath copy and the output files go
     * @param jvmFlags flags for every process, e.g. its heap
     */
    public ChildJvm(final Path root, final List<String> jvmFlags) {
        this.root = root;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /** Starts {@code mainClass} with {@code args}; returns at once. */
    public Child start(final String mainClass, final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.wirewatch",
                "-cp",
                classpath(),
                mainClass));
        command.addAll(args);
        final Path log = root.resolve("process-" + System.nanoTime() + ".log");
        final Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Child(p, log);
    }

    private synchronized String classpath() throws IOException {
        if (classpath == null) {
            final Path lib = Files.createDirectories(root.resolve("lib"));
            final List<String> entries = new ArrayList<>();
            int n = 0;
            for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                final Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    final Path copy = lib.resolve((n++) + "-" + p.getFileName());
                    Files.copy(p, copy);
                    entries.add(copy.toString());
                } else {
                    entries.add(entry);
                }
            }
            classpath = String.join(File.pathSeparator, entries);
        }
        return classpath;
    }
}
