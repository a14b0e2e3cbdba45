package org.pifpaf.distribution;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * What ContractDriversIT's fake {@code mongod} serves once its arguments passed: the wire protocol
 * on 127.0.0.1 (mongo-java-server, in memory, 4.0's wire version, the oldest the Java driver speaks).
 */
public final class FakeMongoWire {

    private FakeMongoWire() {
    }

    /** {@code FakeMongoWire <port>}: binds and returns; its threads keep the fake running. */
    public static void main(String[] args) {
        new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_4_0)).bind("127.0.0.1", Integer.parseInt(args[0]));
    }
}
