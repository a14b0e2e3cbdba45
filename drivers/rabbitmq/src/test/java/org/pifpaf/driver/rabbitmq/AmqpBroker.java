package org.pifpaf.driver.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One node of a {@code rabbit://} URL, talked to with the official Java client. */
record AmqpBroker(String host, int port, String username, String password) {

    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

    /** The nodes of {@code rabbit://u:p@host:port,u:p@host:port//}, in order. */
    static List<AmqpBroker> fromUrl(String url) {
        if (!url.startsWith("rabbit://") || !url.endsWith("//")) {
            throw new IllegalArgumentException("not a rabbit:// URL for the default virtual host: " + url);
        }
        List<AmqpBroker> brokers = new ArrayList<>();
        for (String node : url.substring("rabbit://".length(), url.length() - 2).split(",")) {
            int at = node.lastIndexOf('@');
            String[] credentials = node.substring(0, at).split(":", 2);
            String[] address = node.substring(at + 1).split(":");
            brokers.add(new AmqpBroker(address[0], Integer.parseInt(address[1]),
                    decode(credentials[0]), decode(credentials[1])));
        }
        return brokers;
    }

    /** Publishes {@code message} to {@code queue} and gets it back, on this node alone. */
    String roundTrip(String queue, String message) throws Exception {
        return sendThenReceiveVia(this, queue, message);
    }

    /**
     * Declares {@code queue} on {@code receiver}'s node, publishes {@code message} through this
     * node (waiting for the broker's confirmation), then gets it through {@code receiver}.
     */
    String sendThenReceiveVia(AmqpBroker receiver, String queue, String message) throws Exception {
        try (Connection in = receiver.connect(); Channel getter = in.createChannel()) {
            getter.queueDeclare(queue, false, false, false, null);
            try (Connection out = connect(); Channel publisher = out.createChannel()) {
                publisher.confirmSelect();
                publisher.basicPublish("", queue, null, message.getBytes(StandardCharsets.UTF_8));
                publisher.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            }
            GetResponse response = getter.basicGet(queue, true);
            return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
        }
    }

    /** The version the broker announces to a client that connects. */
    String serverVersion() throws Exception {
        try (Connection connection = connect()) {
            return String.valueOf(connection.getServerProperties().get("version"));
        }
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost("/");
        factory.setConnectionTimeout(10_000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("pifpaf-test");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
