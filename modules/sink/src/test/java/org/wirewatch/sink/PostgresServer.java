package org.wirewatch.sink;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests, started from Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, or {@code $WIREWATCH_PG_BIN}) with its data and socket under
 * target/ and TCP on a free local port. {@code initdb} refuses to run as root, so as root the cluster runs as the
 * {@code postgres} user the package creates (through {@code runuser}).
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "wirewatch";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(final Path bin, final Path dataDir, final int port, final boolean asPostgres) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The directory holding initdb and pg_ctl, if PostgreSQL is installed. */
    static Optional<Path> binaries() {
        final String env = System.getenv("WIREWATCH_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Optional.of(Path.of(env));
        }
        final Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (final IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(final Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (final NumberFormatException e) {
            return 0;
        }
    }

    /** Why the PostgreSQL tests cannot run here, or empty when they can. */
    static Optional<String> unavailable() {
        if (binaries().isEmpty()) {
            return Optional.of("PostgreSQL binaries not found (apt-get install postgresql, or set WIREWATCH_PG_BIN):"
                    + " skipping the PostgreSQL store tests; CI installs them");
        }
        return Optional.empty();
    }

    static PostgresServer start() throws Exception {
        final Path bin = binaries().orElseThrow();
        final boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Files.createTempDirectory("pg-").toAbsolutePath();
        if (root) {
            final UserPrincipal postgres =
                    dataDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dataDir, postgres);
            if (!canWriteAsPostgres(dataDir)) {
                // A checkout under a private home (/root is 0700) is not reachable for the postgres user: use /tmp.
                dataDir = Files.createTempDirectory(Path.of("/tmp"), "wirewatch-pg-");
                Files.setOwner(dataDir, postgres);
            }
        }
        final int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        final PostgresServer server = new PostgresServer(bin, dataDir, port, root);
        server.run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dataDir.toString(),
                "-U",
                USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync"));
        server.run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                dataDir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        return server;
    }

    private static boolean canWriteAsPostgres(final Path dir) throws IOException, InterruptedException {
        final Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-w", dir.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** A new empty database on this cluster, as a JDBC url. */
    String newDatabase() throws SQLException {
        final String name = "wirewatch_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(final String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private void run(final List<String> command) throws IOException, InterruptedException {
        final List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        final Path log = Files.createTempFile("pg-cmd", ".log");
        final Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(
                    String.join(" ", full) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
        if (dataDir.startsWith("/tmp")) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
