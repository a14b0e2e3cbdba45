/**
 * The {@code mongodb} driver: a throw-away {@code mongod} on 127.0.0.1, its database files in the
 * data directory, without authentication. Old servers (before 4.4, text logs) are started as in
 * the original; newer ones (4.4 to 8.x, JSON logs) without the options they dropped. Needs
 * {@code mongod} (MongoDB's {@code mongodb-org} package, Homebrew's
 * {@code mongodb/brew/mongodb-community}).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>29000</td><td>port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_MONGODB_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code mongodb://localhost:<port>/test}</td></tr>
 * </table>
 */
module org.pifpaf.driver.mongodb {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.mongodb.MongodbDriver;
}
