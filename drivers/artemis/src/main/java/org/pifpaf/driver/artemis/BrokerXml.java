package org.pifpaf.driver.artemis;

import java.util.ArrayList;
import java.util.List;

/**
 * The instance's {@code etc/broker.xml}, which replaces the one {@code artemis create} wrote: the
 * original's acceptors, security and address settings, with every acceptor on 127.0.0.1 and the
 * four besides AMQP on free ports (the original bound 61616, 61613, 5445 and 1883 on every
 * interface, so two brokers collided). Left out of the original's settings, for a throw-away
 * broker: the journal's fsync, the disk-usage limit (a fuller disk than 90% would block
 * producers), the deprecated JMS auto-creation switches (the address settings that replaced them
 * are on), the critical analyzer (its HALT policy stops a broker that a loaded machine slows
 * down) and the logging plugin (a log line for every message).
 *
 * @param amqp    the AMQP acceptor's port, the driver's {@code --port}
 * @param core    the acceptor of every protocol (Artemis's 61616): core, OpenWire, AMQP, STOMP, MQTT
 * @param stomp   the STOMP acceptor's port (61613)
 * @param hornetq the HornetQ-compatible acceptor's port (5445)
 * @param mqtt    the MQTT acceptor's port (1883)
 */
record BrokerXml(int amqp, int core, int stomp, int hornetq, int mqtt) {

    /** Every permission, for the role {@code artemis create} gives its user (and the guest). */
    private static final List<String> PERMISSIONS = List.of("createNonDurableQueue", "deleteNonDurableQueue",
            "createDurableQueue", "deleteDurableQueue", "createAddress", "deleteAddress", "consume", "browse",
            "send", "manage");
    private static final String ROLE = "amq";
    private static final String BUFFERS = "tcpSendBufferSize=1048576;tcpReceiveBufferSize=1048576;";
    private static final String AMQP_CREDITS = "amqpCredits=1000;amqpLowCredits=300;";

    /** The whole file. */
    String text() {
        List<String> lines = new ArrayList<>(List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<configuration xmlns=\"urn:activemq\">",
                "  <core xmlns=\"urn:activemq:core\">",
                "    <name>pifpaf</name>",
                "    <persistence-enabled>true</persistence-enabled>",
                // NIO: no native library needed; small journal files, made quickly at start.
                "    <journal-type>NIO</journal-type>",
                "    <paging-directory>data/paging</paging-directory>",
                "    <bindings-directory>data/bindings</bindings-directory>",
                "    <journal-directory>data/journal</journal-directory>",
                "    <large-messages-directory>data/large-messages</large-messages-directory>",
                "    <journal-datasync>false</journal-datasync>",
                "    <journal-min-files>2</journal-min-files>",
                "    <journal-pool-files>10</journal-pool-files>",
                "    <journal-file-size>1M</journal-file-size>",
                "    <max-disk-usage>-1</max-disk-usage>",
                "    <critical-analyzer>false</critical-analyzer>",
                "    <acceptors>",
                acceptor("artemis", core, BUFFERS + AMQP_CREDITS + "protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE"),
                acceptor("amqp", amqp, BUFFERS + AMQP_CREDITS + "protocols=AMQP"),
                acceptor("stomp", stomp, BUFFERS + "protocols=STOMP"),
                acceptor("hornetq", hornetq, "anycastPrefix=jms.queue.;multicastPrefix=jms.topic.;protocols=HORNETQ,STOMP"),
                acceptor("mqtt", mqtt, BUFFERS + "protocols=MQTT"),
                "    </acceptors>",
                "    <security-settings>",
                "      <security-setting match=\"#\">"));
        PERMISSIONS.forEach(type -> lines.add("        <permission type=\"" + type + "\" roles=\"" + ROLE + "\"/>"));
        lines.addAll(List.of(
                "      </security-setting>",
                "    </security-settings>",
                "    <address-settings>"));
        lines.addAll(addressSettings("activemq.management#"));
        lines.addAll(addressSettings("#"));
        lines.addAll(List.of(
                "    </address-settings>",
                "    <addresses>",
                anycastQueue("DLQ"),
                anycastQueue("ExpiryQueue"),
                "    </addresses>",
                "  </core>",
                "</configuration>",
                ""));
        return String.join("\n", lines);
    }

    /** An acceptor on 127.0.0.1, with epoll where Netty has it (Linux). */
    private static String acceptor(String name, int port, String parameters) {
        return "      <acceptor name=\"" + name + "\">tcp://127.0.0.1:" + port + "?" + parameters
                + ";useEpoll=true</acceptor>";
    }

    /** The original's settings: dead letters and expiry queues, paging, everything created on use. */
    private static List<String> addressSettings(String match) {
        return List.of(
                "      <address-setting match=\"" + match + "\">",
                "        <dead-letter-address>DLQ</dead-letter-address>",
                "        <expiry-address>ExpiryQueue</expiry-address>",
                "        <redelivery-delay>0</redelivery-delay>",
                "        <max-size-bytes>-1</max-size-bytes>",
                "        <message-counter-history-day-limit>10</message-counter-history-day-limit>",
                "        <address-full-policy>PAGE</address-full-policy>",
                "        <auto-create-queues>true</auto-create-queues>",
                "        <auto-create-addresses>true</auto-create-addresses>",
                "      </address-setting>");
    }

    private static String anycastQueue(String name) {
        return "      <address name=\"" + name + "\"><anycast><queue name=\"" + name + "\"/></anycast></address>";
    }
}
