package org.pifpaf.driver.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * What the fake {@code mongod} serves once its arguments passed: MongoDB's wire protocol on
 * 127.0.0.1 (mongo-java-server, in memory), reporting 4.0's wire version, the oldest the Java
 * driver still speaks. Its event-loop threads keep the fake's JVM up until it is stopped.
 */
public final class WireServer {

    private WireServer() {
    }

    /** {@code WireServer <port>}: binds and returns. */
    public static void main(String[] args) {
        new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_4_0)).bind("127.0.0.1", Integer.parseInt(args[0]));
    }
}
