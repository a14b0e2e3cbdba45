package org.pifpaf.driver.artemis;

import javax.jms.Connection;
import javax.jms.JMSException;
import javax.jms.MessageConsumer;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;

/** AMQP 1.0 through Qpid JMS, the Apache client that speaks it. */
final class AmqpClient {

    private AmqpClient() {
    }

    /**
     * Sends {@code text} to queue {@code queue} at {@code url} ({@code amqp://host:port}) and
     * returns what a consumer then receives; {@code user} {@code null} connects anonymously.
     *
     * @throws JMSException when the broker refuses the connection or the message
     */
    static String roundTrip(String url, String user, String password, String queue, String text) throws JMSException {
        JmsConnectionFactory factory = new JmsConnectionFactory(url);
        try (Connection connection = user == null ? factory.createConnection()
                : factory.createConnection(user, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue destination = session.createQueue(queue);
            session.createProducer(destination).send(session.createTextMessage(text));
            MessageConsumer consumer = session.createConsumer(destination);
            TextMessage received = (TextMessage) consumer.receive(20_000);
            return received == null ? null : received.getText();
        }
    }
}
