package org.pifpaf.runtime.provision.spi;

import java.util.Objects;

/**
 * A Maven artifact: {@code groupId:artifactId[:extension[:classifier]]:version}.
 *
 * @param version the version, or {@code null} while it is still to be chosen
 */
public record ArtifactCoordinates(String groupId, String artifactId, String extension, String classifier,
                                  String version) {

    /** Checks the parts; extension and classifier default to {@code jar} and none. */
    public ArtifactCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        extension = extension == null || extension.isEmpty() ? "jar" : extension;
        classifier = classifier == null ? "" : classifier;
    }

    /** The same artifact at {@code newVersion}. */
    public ArtifactCoordinates withVersion(String newVersion) {
        return new ArtifactCoordinates(groupId, artifactId, extension, classifier, newVersion);
    }

    /** The same artifact of another extension (its {@code pom}, say), without classifier. */
    public ArtifactCoordinates withExtension(String newExtension) {
        return new ArtifactCoordinates(groupId, artifactId, newExtension, "", version);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ("jar".equals(extension) && classifier.isEmpty() ? "" : ":" + extension)
                + (classifier.isEmpty() ? "" : ":" + classifier) + (version == null ? "" : ":" + version);
    }
}
