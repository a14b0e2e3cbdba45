package org.pifpaf.distribution;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The client ContractDriversIT runs under {@code pifpaf run mongodb}: the official Java driver
 * stores and reads a document through {@code $PIFPAF_URL}; exits 1 if it reads something else.
 */
public final class MongoRoundTrip {

    private MongoRoundTrip() {
    }

    /** No arguments: everything comes from the environment pifpaf sets. */
    public static void main(String[] args) {
        ConnectionString url = new ConnectionString(System.getenv("PIFPAF_URL"));
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> things = client.getDatabase(url.getDatabase()).getCollection("things");
            things.insertOne(new Document("name", "pif").append("value", 42));
            Document found = things.find(new Document("name", "pif")).first();
            if (found == null || found.getInteger("value") != 42 || !"test".equals(url.getDatabase())) {
                System.out.println("read back " + found + " from " + url);
                System.exit(1);
            }
        }
        System.out.println("stored and read back through " + url);
    }
}
