package org.pifpaf;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pifpaf.runtime.StartFailedException;

/**
 * A database of a PostgreSQL daemon prepared once (schema, data), from which each test gets a
 * fresh copy of its own with {@link #newDatabase()}, without a new server: PostgreSQL's
 * {@code CREATE DATABASE ... TEMPLATE}. Copies are made ahead, a few at a time, on a thread of
 * the template's, and dropped on it after use, so that a test waits for neither.
 *
 * <pre>{@code
 * try (Daemon pg = Pifpaf.start("postgresql");
 *      DatabaseTemplate schema = DatabaseTemplate.of(pg, db -> db.createStatement().execute("create table t (id int)"))) {
 *     try (TestDatabase db = schema.newDatabase()) {
 *         DriverManager.getConnection(db.jdbcUrl()) ...
 *     }
 * }
 * }</pre>
 *
 * <p>It talks to the server over JDBC: the PostgreSQL JDBC driver ({@code org.postgresql:postgresql})
 * must be on the class path. MySQL and MariaDB have no template databases; copying one there
 * means copying every table, no cheaper than creating the schema again, so only PostgreSQL is
 * served.
 */
public final class DatabaseTemplate implements AutoCloseable {

    /** How many copies are kept ready: enough to hide a copy's cost behind the previous tests. */
    private static final int AHEAD = 2;
    private static final AtomicInteger TEMPLATES = new AtomicInteger();

    /** Prepares the template database. */
    @FunctionalInterface
    public interface Setup {
        /**
         * Creates the schema and data every test starts from.
         *
         * @param template a connection to the template database, closed afterwards
         * @throws SQLException to fail the preparation
         */
        void prepare(Connection template) throws SQLException;
    }

    private final JdbcServer server;
    private final String name;
    private final ExecutorService worker;
    private final BlockingQueue<Object> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger copies = new AtomicInteger();
    private volatile boolean closed;

    private DatabaseTemplate(JdbcServer server, String name) {
        this.server = server;
        this.name = name;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "pifpaf-database-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Creates the template database on {@code postgresql} and runs {@code setup} in it, then
     * starts making copies.
     *
     * @throws IllegalArgumentException if the daemon is not a PostgreSQL with TCP (its JDBC URL)
     * @throws StartFailedException     if the preparation fails
     */
    public static DatabaseTemplate of(Daemon postgresql, Setup setup) {
        JdbcServer server = JdbcServer.of(postgresql);
        DatabaseTemplate template = new DatabaseTemplate(server, "pifpaf_template_" + TEMPLATES.incrementAndGet());
        try {
            template.onWorker(() -> server.administer("CREATE DATABASE " + template.name));
            try (Connection db = server.connect(template.name)) {
                setup.prepare(db);
            }
        } catch (SQLException e) {
            template.close();
            throw new StartFailedException("cannot prepare the template database " + template.name + ": "
                    + e.getMessage(), java.util.List.of(), e);
        }
        for (int i = 0; i < AHEAD; i++) {
            template.copyAhead();
        }
        return template;
    }

    /** The template database's name. */
    public String name() {
        return name;
    }

    /**
     * A fresh copy of the template for one test; waits for the copy made ahead.
     *
     * @throws StartFailedException if the copy cannot be made
     */
    public TestDatabase newDatabase() {
        if (closed) {
            throw new IllegalStateException("template " + name + " is closed");
        }
        copyAhead();
        Object copy;
        try {
            copy = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailedException("interrupted while waiting for a copy of " + name, java.util.List.of(), e);
        }
        if (copy instanceof SQLException failure) {
            throw new StartFailedException("cannot copy the template database " + name + ": " + failure.getMessage(),
                    java.util.List.of(), failure);
        }
        String database = (String) copy;
        return new TestDatabase(database, server.jdbcUrl(database), this);
    }

    /** Queues the making of one more copy. */
    private void copyAhead() {
        String copy = name.replace("template", "test") + "_" + copies.incrementAndGet();
        worker.execute(() -> {
            try {
                server.administer("CREATE DATABASE " + copy + " TEMPLATE " + name);
                ready.add(copy);
            } catch (SQLException e) {
                ready.add(e);
            }
        });
    }

    /** Runs {@code statement} on the worker, whose connection it needs, and waits for it. */
    private void onWorker(SqlAction statement) throws SQLException {
        try {
            worker.submit(() -> {
                statement.run();
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    /** A statement of the worker's. */
    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Drops a copy a test is done with, in the background. */
    void dispose(String database) {
        if (!closed) {
            worker.execute(() -> dropQuietly(database));
        }
    }

    /** Drops the copies not handed out and the template; waits for the work under way. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.execute(() -> {
            for (Object copy : ready) {
                if (copy instanceof String database) {
                    dropQuietly(database);
                }
            }
            dropQuietly(name);
            server.disconnect();
        });
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the worker. */
    private void dropQuietly(String database) {
        try {
            // FORCE: a test may leave a connection open.
            server.administer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            // The server goes with its data directory anyway.
        }
    }

    /**
     * The server as JDBC sees it: URLs per database, and the worker's own connection to the
     * {@code postgres} database for creating and dropping (kept open: a connection costs more
     * than a small database's copy).
     */
    private static final class JdbcServer {
        private final String base;
        private final String query;
        private Connection admin;

        private JdbcServer(String base, String query) {
            this.base = base;
            this.query = query;
        }

        static JdbcServer of(Daemon daemon) {
            if (!daemon.driver().equals("postgresql")) {
                throw new IllegalArgumentException("template databases are PostgreSQL's, not " + daemon.driver() + "'s");
            }
            String url = daemon.jdbcUrl(); // jdbc:postgresql://127.0.0.1:<port>/postgres?user=<user>
            int question = url.indexOf('?');
            String path = question < 0 ? url : url.substring(0, question);
            return new JdbcServer(path.substring(0, path.lastIndexOf('/') + 1), question < 0 ? "" : url.substring(question));
        }

        String jdbcUrl(String database) {
            return base + database + query;
        }

        Connection connect(String database) throws SQLException {
            return java.sql.DriverManager.getConnection(jdbcUrl(database));
        }

        /** Runs one statement on the {@code postgres} database; on the worker only. */
        void administer(String sql) throws SQLException {
            if (admin == null) {
                admin = connect("postgres");
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute(sql);
            }
        }

        void disconnect() {
            try {
                if (admin != null) {
                    admin.close();
                }
            } catch (SQLException e) {
                // Closing only.
            }
        }
    }
}
