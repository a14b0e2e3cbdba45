/**
 * The {@code rabbitmq} driver: a throw-away RabbitMQ broker on 127.0.0.1, a single node or a
 * cluster of three, with one user who may do everything on the default virtual host ({@code /});
 * there is no {@code guest} user. Needs {@code rabbitmq-server} (the scripts in
 * {@code /usr/lib/rabbitmq/bin}, which run as the calling user, root included) and Erlang's
 * {@code epmd}.
 *
 * <p>Nothing outside the data directory is read or written: it is the nodes' {@code HOME} (with
 * a fresh Erlang cookie) and holds their databases, {@code rabbitmq.conf} and the definitions
 * that create the user; {@code /etc/rabbitmq} is not read. Each daemon runs its own {@code epmd}
 * on a free port and each node has its own distribution port, so several daemons, even with the
 * same node names, run side by side, and stopping one leaves no {@code epmd} behind. A node's
 * output goes to {@code <node>.log} in the data directory; it is ready when it logs
 * "Server startup complete".
 *
 * <p>In a cluster the nodes {@code <nodename>-1@localhost}, {@code -2} and {@code -3} boot
 * together; the second and third wait for the first and join it during their first boot (their
 * own {@code joining.conf}). The nodes boot without feature flags and without the definitions:
 * once {@code rabbitmqctl await_online_nodes 3} has seen all three running in one cluster, the
 * driver enables every feature flag and imports the definitions (a node joining while the first
 * still sets up its tables or creates {@code /} would otherwise fail, or run without
 * {@code /}). Each node's process is labelled with its node name, so a test can stop, kill and
 * start one: {@code daemon.process("pifpaf-2@localhost").kill()}, then {@code .start()}, which
 * returns once the node is back in the cluster.
 *
 * <table class="striped">
 * <caption style="display:none">Options</caption>
 * <thead><tr><th scope="col">Option</th><th scope="col">Default</th><th scope="col">Meaning</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code --port}</th><td>{@code 5682}</td>
 *     <td>AMQP port; in a cluster the first node's, the others taking the next two ({@code 0}:
 *     three free ports)</td></tr>
 * <tr><th scope="row">{@code --nodename}</th><td>{@code pifpaf}</td>
 *     <td>node name before {@code @localhost}; letters, digits, {@code -} and {@code _}</td></tr>
 * <tr><th scope="row">{@code --username}</th><td>{@code pifpaf}</td><td>the user, an administrator</td></tr>
 * <tr><th scope="row">{@code --password}</th><td>random</td><td>its password; the original's
 *     fixed {@code secret} became a random one (the URL carries it)</td></tr>
 * <tr><th scope="row">{@code --cluster}</th><td>off</td><td>start a cluster of three nodes</td></tr>
 * </tbody>
 * </table>
 *
 * <table class="striped">
 * <caption style="display:none">Exported variables</caption>
 * <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code PIFPAF_RABBITMQ_HOME}</th>
 *     <td>the nodes' {@code HOME}, with the Erlang cookie (the data directory)</td></tr>
 * <tr><th scope="row">{@code PIFPAF_RABBITMQ_EPMD_PORT}</th>
 *     <td>the daemon's {@code epmd} port (new in pifpaf for the JVM); with the previous one, what
 *     {@code rabbitmqctl} needs: {@code HOME=$PIFPAF_RABBITMQ_HOME ERL_EPMD_PORT=$PIFPAF_RABBITMQ_EPMD_PORT
 *     rabbitmqctl -n $PIFPAF_RABBITMQ_NODENAME status}</td></tr>
 * <tr><th scope="row">{@code PIFPAF_RABBITMQ_PORT}</th><td>the (first node's) AMQP port</td></tr>
 * <tr><th scope="row">{@code PIFPAF_RABBITMQ_NODENAME}</th><td>the (first) node's name</td></tr>
 * <tr><th scope="row">{@code PIFPAF_RABBITMQ_NODENAME1} .. {@code 3}</th><td>each node's name, in a cluster</td></tr>
 * <tr><th scope="row">{@code PIFPAF_URL}</th>
 *     <td>{@code rabbit://<user>:<password>@localhost:<port>//}; in a cluster one
 *     {@code <user>:<password>@localhost:<port>} per node, separated by commas; user and password
 *     percent-encoded</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@code PIFPAF} stands for the chosen prefix; {@code PIFPAF_DATA} (the data directory) is
 * exported by the runtime for every driver. Unlike the original pifpaf, {@code HOME} and the
 * {@code RABBITMQ_*} variables the nodes run with are not exported to the user.
 */
module org.pifpaf.driver.rabbitmq {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.rabbitmq.RabbitmqDriver;
}
