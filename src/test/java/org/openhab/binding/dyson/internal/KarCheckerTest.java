/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.dyson.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link KarChecker} accepts a well-formed archive and reports each defect.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class KarCheckerTest {

    private static final String DIR = "repository/org/openhab/addons/bundles/org.openhab.binding.dyson/1.2.3/";
    private static final String JAR = DIR + "org.openhab.binding.dyson-1.2.3.jar";
    private static final String FEATURES = DIR + "org.openhab.binding.dyson-1.2.3-features.xml";
    private static final String GOOD_FEATURES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <features name="org.openhab.binding.dyson-1.2.3" xmlns="http://karaf.apache.org/xmlns/features/v1.4.0">
            	<feature name="openhab-binding-dyson" description="Dyson Binding" version="1.2.3">
            		<feature>openhab-runtime-base</feature>
            		<feature>openhab-transport-mdns</feature>
            		<bundle start-level="80">mvn:org.openhab.addons.bundles/org.openhab.binding.dyson/1.2.3</bundle>
            	</feature>
            </features>
            """;

    private @TempDir Path tempDir = Path.of(".");

    private static byte[] bundleJar(String symbolicName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(("Manifest-Version: 1.0\nBundle-SymbolicName: " + symbolicName + "\nBundle-Version: 1.2.3\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> goodEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        entries.put(FEATURES, GOOD_FEATURES.getBytes(StandardCharsets.UTF_8));
        entries.put(JAR, bundleJar("org.openhab.binding.dyson"));
        return entries;
    }

    private static Map<String, byte[]> withFeatures(String features) throws IOException {
        Map<String, byte[]> entries = goodEntries();
        entries.put(FEATURES, features.getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private KarChecker checker = new KarChecker();

    private List<String> check(Map<String, byte[]> entries) throws IOException {
        Path kar = tempDir.resolve("dyson-" + System.nanoTime() + ".kar");
        try (OutputStream file = Files.newOutputStream(kar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        checker = new KarChecker();
        return checker.check(kar);
    }

    @Test
    void acceptsAGoodArchiveAndHandsOutItsBundle() throws IOException {
        assertEquals(List.of(), check(goodEntries()));
        assertArrayEquals(bundleJar("org.openhab.binding.dyson"), checker.bundle());
    }

    @Test
    void reportsAMissingBundleOrAForeignOne() throws IOException {
        Map<String, byte[]> missing = goodEntries();
        missing.remove(JAR);
        Map<String, byte[]> foreign = goodEntries();
        foreign.put(JAR, bundleJar("org.openhab.binding.other"));

        assertEquals(List.of("bundle mvn:org.openhab.addons.bundles/org.openhab.binding.dyson/1.2.3 is not in the "
                + "archive (expected " + JAR + ")"), check(missing));
        assertNull(checker.bundle());
        assertEquals(List.of("bundle mvn:org.openhab.addons.bundles/org.openhab.binding.dyson/1.2.3 is "
                + "'org.openhab.binding.other', not org.openhab.binding.dyson"), check(foreign));
    }

    @Test
    void reportsMissingFeatureDependencies() throws IOException {
        assertEquals(List.of("feature openhab-binding-dyson does not depend on openhab-transport-mdns"),
                check(withFeatures(GOOD_FEATURES.replace("<feature>openhab-transport-mdns</feature>", ""))));
        assertEquals(List.of("feature openhab-binding-dyson does not depend on openhab-runtime-base"),
                check(withFeatures(GOOD_FEATURES.replace("<feature>openhab-runtime-base</feature>", ""))));
    }

    @Test
    void reportsUnfilledPlaceholdersAndAPinnedCoreRepository() throws IOException {
        String unfilled = GOOD_FEATURES.replace("description=\"Dyson Binding\"",
                "description=\"${project.name}\"");
        String pinned = GOOD_FEATURES.replace("\t<feature name", "\t<repository>mvn:org.openhab.core.features.karaf/"
                + "org.openhab.core.features.karaf.openhab-core/4.3.0/xml/features</repository>\n\t<feature name");

        assertEquals(List.of(FEATURES.substring("repository/".length()) + ": unfilled placeholder "
                + "${project.name}"), check(withFeatures(unfilled)));
        assertEquals(List.of("<repository>mvn:org.openhab.core.features.karaf/org.openhab.core.features.karaf."
                + "openhab-core/4.3.0/xml/features</repository> pins one openHAB Core version; a runtime of another "
                + "version would have to download it"), check(withFeatures(pinned)));
    }

    @Test
    void reportsAWrongFeatureNameOrBundleLocation() throws IOException {
        assertEquals(List.of("no feature openhab-binding-dyson"),
                check(withFeatures(GOOD_FEATURES.replace("name=\"openhab-binding-dyson\"", "name=\"dyson\""))));
        assertEquals(List.of("bundle location file:dyson.jar is not mvn:groupId/artifactId/version"),
                check(withFeatures(GOOD_FEATURES.replace(
                        "mvn:org.openhab.addons.bundles/org.openhab.binding.dyson/1.2.3", "file:dyson.jar"))));
    }

    @Test
    void reportsAnArchiveKarafWouldNotInstall() throws IOException {
        Map<String, byte[]> noStart = goodEntries();
        noStart.put("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nKaraf-Feature-Start: false\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> noFeatures = goodEntries();
        noFeatures.remove(FEATURES);

        assertEquals(List.of("manifest says Karaf-Feature-Start: false, so Karaf would not install the feature"),
                check(noStart));
        assertEquals(List.of("0 features XML files below repository/, expected 1"), check(noFeatures));
    }
}
