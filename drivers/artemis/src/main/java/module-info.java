/**
 * The {@code artemis} driver: a throw-away ActiveMQ Artemis broker. Needs a JVM ({@code java}:
 * {@code $JAVA_HOME/bin}, then {@code PATH}) and an Artemis release, looked for in
 * {@code $ARTEMIS_HOME}, the installation of the {@code artemis} script on {@code PATH},
 * {@code /usr/lib/apache-artemis}, {@code /opt/*artemis*} and Homebrew's {@code libexec}.
 *
 * <p>As in the original, {@code artemis create} makes an instance in {@code <data>/broker} (with
 * the user, the password and either {@code --allow-anonymous} or {@code --require-login}), its
 * {@code etc/broker.xml} is replaced, and the instance's {@code bin/artemis run} starts the
 * broker. Unlike the original: every acceptor listens on 127.0.0.1 and all but AMQP on free
 * ports (the original's 61616, 61613, 5445 and 1883 were fixed, on every interface); there is
 * no web console; the broker's JVM gets small options (C1 only, serial collector, at most
 * 256 MB of heap); the journal does not fsync. The instance is made once per installation, user,
 * password and login mode, then copied from the template cache, its own paths rewritten for
 * the copy's directory. It counts as ready when it logs {@code AMQ221007} (server active) and
 * its AMQP port accepts connections. Artemis accepts root, so it runs as the invoking user; it
 * is stopped with SIGKILL.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>5673</td><td>AMQP port (0: a free one)</td></tr>
 * <tr><td>{@code --username}</td><td>pifpaf</td><td>the broker's user (role {@code amq}, every
 *     permission)</td></tr>
 * <tr><td>{@code --password}</td><td>secrete</td><td>its password</td></tr>
 * <tr><td>{@code --require-login}</td><td>off</td><td>refuse clients without credentials (by
 *     default they connect as the user)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables, in export order ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_PORT}</td><td>the AMQP port</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_URL}</td><td>{@code amqp://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_CORE_PORT}, {@code PIFPAF_ARTEMIS_CORE_URL}</td><td>the acceptor
 *     of every protocol (core, OpenWire, AMQP, STOMP, MQTT), {@code tcp://127.0.0.1:<port>}
 *     (new)</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_STOMP_PORT}, {@code PIFPAF_ARTEMIS_STOMP_URL}</td><td>STOMP,
 *     {@code stomp://127.0.0.1:<port>} (new)</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_HORNETQ_PORT}</td><td>the HornetQ-compatible acceptor
 *     (new)</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_MQTT_PORT}, {@code PIFPAF_ARTEMIS_MQTT_URL}</td><td>MQTT,
 *     {@code mqtt://127.0.0.1:<port>} (new)</td></tr>
 * <tr><td>{@code PIFPAF_ARTEMIS_INSTANCE}</td><td>the instance directory, whose
 *     {@code bin/artemis} runs Artemis's own tools against this broker (new)</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code amqp://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.artemis {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.artemis.ArtemisDriver;
}
