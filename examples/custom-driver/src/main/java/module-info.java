/**
 * An example third-party pifpaf driver: {@code mosquitto}, a throw-away Eclipse Mosquitto MQTT
 * broker on 127.0.0.1 that accepts anonymous clients and keeps nothing on disk. Needs
 * {@code mosquitto} (Debian package {@code mosquitto}; found in {@code /usr/sbin} too).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>1883</td><td>MQTT port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_MOSQUITTO_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code mqtt://localhost:<port>}</td></tr>
 * </table>
 *
 * <p>The module is found by {@link java.util.ServiceLoader} both on the module path (through
 * {@code provides} below, as in a drivers directory) and on the class path (through
 * {@code META-INF/services}, as in most test setups).
 */
module com.example.pifpaf.mosquitto {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with com.example.pifpaf.mosquitto.MosquittoDriver;
}
