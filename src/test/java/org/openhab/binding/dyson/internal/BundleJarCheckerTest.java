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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Proves that {@link BundleJarChecker} accepts a well-formed bundle and reports each defect.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BundleJarCheckerTest {

    private static final String GOOD_MANIFEST = """
            Manifest-Version: 1.0
            Bundle-SymbolicName: org.openhab.binding.dyson
            Import-Package: com.google.gson;version="[2.10,3)",org.eclipse.jetty.c
             lient;version="[9.4,10)",org.openhab.core.thing;version="[4.3,6)",ja
             vax.net.ssl
            Service-Component: OSGI-INF/org.openhab.binding.dyson.internal.Factory
             .xml
            """;
    private static final String COMPONENT_CLASS = "org/openhab/binding/dyson/internal/Factory.class";
    private static final String COMPONENT_XML = "OSGI-INF/org.openhab.binding.dyson.internal.Factory.xml";

    private @TempDir Path tempDir = Path.of(".");

    private Map<String, String> goodEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", GOOD_MANIFEST);
        BundleJarChecker.REQUIRED_ENTRIES.forEach(e -> entries.put(e, "x"));
        entries.put(COMPONENT_CLASS, "\u00ca\u00feLorg/osgi/service/component/annotations/Component;");
        entries.put(COMPONENT_XML, "<component/>");
        return entries;
    }

    private List<String> check(Map<String, String> entries) throws IOException {
        Path jar = tempDir.resolve("bundle-" + entries.hashCode() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return new BundleJarChecker().check(jar);
    }

    @Test
    void acceptsAGoodBundle() throws IOException {
        assertEquals(List.of(), check(goodEntries()));
    }

    @Test
    void reportsPackedCoreClassesSignaturesAndMissingEntries() throws IOException {
        Map<String, String> entries = goodEntries();
        entries.put("org/openhab/core/thing/Thing.class", "x");
        entries.put("META-INF/ECLIPSE_.RSA", "x");
        entries.put("META-INF/ECLIPSE_.SF", "x");
        entries.remove("META-INF/services/org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory");
        entries.remove("OH-INF/addon/addon.xml");

        List<String> problems = check(entries);

        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.contains("openHAB Core class packed into the bundle: org/openhab/core/thing/Thing.class"));
        assertTrue(problems.contains("jar signature file inside (breaks the bundle): META-INF/ECLIPSE_.RSA"));
        assertTrue(problems.contains("missing entry: OH-INF/addon/addon.xml"));
    }

    @Test
    void reportsUnrangedImportsAndWrongName() throws IOException {
        Map<String, String> entries = goodEntries();
        entries.put("META-INF/MANIFEST.MF", GOOD_MANIFEST.replace("version=\"[9.4,10)\"", "version=\"9.4\"")
                .replace("org.openhab.binding.dyson\n", "org.openhab.binding.dyson.tests\n")
                .replace("org.openhab.core.thing;version=\"[4.3,6)\"", "org.openhab.core.thing"));

        List<String> problems = check(entries);

        assertEquals(List.of("Bundle-SymbolicName is 'org.openhab.binding.dyson.tests', expected "
                + "org.openhab.binding.dyson", "Import-Package org.eclipse.jetty.client has no version range "
                        + "(version=9.4)",
                "Import-Package org.openhab.core.thing has no version range (version=null)"), problems);
    }

    @Test
    void reportsComponentsWithoutDescriptors() throws IOException {
        Map<String, String> withoutHeader = goodEntries();
        withoutHeader.put("META-INF/MANIFEST.MF", GOOD_MANIFEST.substring(0, GOOD_MANIFEST.indexOf("Service")));
        withoutHeader.remove(COMPONENT_XML);
        Map<String, String> listedButMissing = goodEntries();
        listedButMissing.remove(COMPONENT_XML);
        Map<String, String> unlisted = goodEntries();
        unlisted.put("OSGI-INF/other.xml", "<component/>");

        assertEquals(List.of("1 @Component classes but Service-Component lists 0 descriptors"), check(withoutHeader));
        assertEquals(List.of("Service-Component lists missing " + COMPONENT_XML), check(listedButMissing));
        assertEquals(List.of("component descriptor not in Service-Component: OSGI-INF/other.xml"), check(unlisted));
    }
}
