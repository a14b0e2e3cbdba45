package org.pifpaf;

/**
 * A fresh PostgreSQL database for one test, a copy of a {@link DatabaseTemplate}'s database
 * (its schema and data). {@link #close()} hands it back; it is dropped in the background, open
 * connections included.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final DatabaseTemplate template;
    private boolean closed;

    TestDatabase(String name, String jdbcUrl, DatabaseTemplate template) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.template = template;
    }

    /** The database's name, e.g. {@code pifpaf_test_7}. */
    public String name() {
        return name;
    }

    /** A JDBC URL for it: the server's, naming this database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Drops the database (in the background). Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            template.dispose(name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
