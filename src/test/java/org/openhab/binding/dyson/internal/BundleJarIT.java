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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.BundleManifest.Clause;

/**
 * Checks the packaged bundle jar and the .kar beside it (run by failsafe after {@code package}; the pom passes their
 * paths as system properties {@code dyson.bundle} and {@code dyson.kar}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BundleJarIT {

    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");

    private static Path jar = Path.of("");

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("dyson.bundle");
        assertNotNull(path, "system property dyson.bundle (set by the pom's failsafe configuration)");
        jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), "bundle jar " + jar + " not built");
    }

    @Test
    void bundleIsInstallableOnOpenhab43And5() throws Exception {
        List<String> problems = new BundleJarChecker().check(jar);

        assertEquals(List.of(), problems, "bundle problems:\n" + String.join("\n", problems));
    }

    @Test
    void karInstallsThisBundleWithItsFeatureDependencies() throws Exception {
        String path = System.getProperty("dyson.kar");
        assertNotNull(path, "system property dyson.kar (set by the pom's failsafe configuration)");
        Path kar = Path.of(path);
        assertTrue(Files.isRegularFile(kar), "kar " + kar + " not built");

        KarChecker checker = new KarChecker();
        List<String> problems = checker.check(kar);

        assertEquals(List.of(), problems, "kar problems:\n" + String.join("\n", problems));
        assertArrayEquals(Files.readAllBytes(jar), checker.bundle(), "the kar holds another jar than " + jar);
    }

    @Test
    void everyComponentClassHasAListedDescriptor() throws Exception {
        BundleJarChecker checker = new BundleJarChecker();
        checker.check(jar);
        List<String> components = checker.componentClasses();
        assumeFalse(components.isEmpty(), "no @Component class in the bundle yet");

        Set<String> implementations = new HashSet<>();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            BundleManifest manifest;
            try (InputStream in = jarFile.getInputStream(jarFile.getJarEntry("META-INF/MANIFEST.MF"))) {
                manifest = BundleManifest.parse(in);
            }
            for (Clause clause : manifest.clauses("Service-Component")) {
                for (String descriptor : clause.paths()) {
                    try (InputStream in = jarFile.getInputStream(jarFile.getJarEntry(descriptor))) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        Matcher matcher = IMPLEMENTATION.matcher(xml);
                        while (matcher.find()) {
                            implementations.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        for (String component : components) {
            String className = component.substring(0, component.length() - ".class".length()).replace('/', '.');
            assertTrue(implementations.contains(className), className + " not in descriptors " + implementations);
        }
    }
}
