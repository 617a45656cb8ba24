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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.BundleManifest.Clause;

/**
 * Checks a built bundle jar for what openHAB 4.3 and 5.x need to install it from the addons folder: no packed openHAB
 * classes, version ranges on the imports that differ between runtimes, the embedded Paho client with its network
 * module services file, no stale jar signatures, the Declarative Services descriptors of every component, the add-on
 * descriptor and the symbolic name.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class BundleJarChecker {

    static final String SYMBOLIC_NAME = "org.openhab.binding.dyson";
    static final List<String> RANGED_IMPORT_PREFIXES = List.of("org.openhab.core", "com.google.gson",
            "org.eclipse.jetty");
    static final Set<String> REQUIRED_ENTRIES = Set.of("org/eclipse/paho/client/mqttv3/MqttAsyncClient.class",
            "org/eclipse/paho/client/mqttv3/internal/websocket/WebSocketSecureNetworkModule.class",
            "META-INF/services/org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory", "OH-INF/addon/addon.xml");

    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
    private static final Pattern VERSION_RANGE = Pattern.compile("[\\[(][^,]+,[^,]+[\\])]");
    private static final String OWN_CLASSES = "org/openhab/binding/dyson/";
    private static final byte[] COMPONENT_ANNOTATION = "Lorg/osgi/service/component/annotations/Component;"
            .getBytes(StandardCharsets.UTF_8);

    private final List<String> problems = new ArrayList<>();
    private final List<String> componentClasses = new ArrayList<>();

    /**
     * Checks the jar; returns the problems, empty if the bundle is fine.
     */
    public List<String> check(Path jar) throws IOException {
        problems.clear();
        componentClasses.clear();
        try (JarFile jarFile = new JarFile(jar.toFile(), false)) {
            Set<String> entries = jarFile.stream().map(JarEntry::getName).collect(Collectors.toSet());
            checkEntries(entries);
            findComponentClasses(jarFile);
            JarEntry manifestEntry = jarFile.getJarEntry("META-INF/MANIFEST.MF");
            if (manifestEntry == null) {
                problems.add("no META-INF/MANIFEST.MF");
                return List.copyOf(problems);
            }
            BundleManifest manifest;
            try (InputStream in = jarFile.getInputStream(manifestEntry)) {
                manifest = BundleManifest.parse(in);
            }
            checkSymbolicName(manifest);
            checkImports(manifest);
            checkServiceComponents(manifest, entries);
        }
        return List.copyOf(problems);
    }

    /**
     * The bundle's own classes that carry {@code @Component} (found in the class files, independent of bnd).
     */
    public List<String> componentClasses() {
        return List.copyOf(componentClasses);
    }

    private void checkEntries(Set<String> entries) {
        entries.stream().filter(e -> e.startsWith("org/openhab/core/")).sorted().limit(5)
                .forEach(e -> problems.add("openHAB Core class packed into the bundle: " + e));
        entries.stream().filter(e -> SIGNATURE_FILE.matcher(e).matches()).sorted()
                .forEach(e -> problems.add("jar signature file inside (breaks the bundle): " + e));
        REQUIRED_ENTRIES.stream().filter(e -> !entries.contains(e)).sorted()
                .forEach(e -> problems.add("missing entry: " + e));
    }

    private void findComponentClasses(JarFile jarFile) throws IOException {
        for (JarEntry entry : jarFile.stream().toList()) {
            if (entry.getName().startsWith(OWN_CLASSES) && entry.getName().endsWith(".class")) {
                try (InputStream in = jarFile.getInputStream(entry)) {
                    if (contains(in.readAllBytes(), COMPONENT_ANNOTATION)) {
                        componentClasses.add(entry.getName());
                    }
                }
            }
        }
    }

    private void checkSymbolicName(BundleManifest manifest) {
        List<Clause> names = manifest.clauses("Bundle-SymbolicName");
        String name = names.isEmpty() || names.get(0).paths().isEmpty() ? "" : names.get(0).paths().get(0);
        if (!SYMBOLIC_NAME.equals(name)) {
            problems.add("Bundle-SymbolicName is '" + name + "', expected " + SYMBOLIC_NAME);
        }
    }

    private void checkImports(BundleManifest manifest) {
        for (Clause clause : manifest.clauses("Import-Package")) {
            for (String packageName : clause.paths()) {
                boolean needsRange = RANGED_IMPORT_PREFIXES.stream()
                        .anyMatch(prefix -> packageName.equals(prefix) || packageName.startsWith(prefix + "."));
                String version = clause.parameters().get("version");
                if (needsRange && (version == null || !VERSION_RANGE.matcher(version.trim()).matches())) {
                    problems.add("Import-Package " + packageName + " has no version range (version=" + version + ")");
                }
            }
        }
    }

    /**
     * Every listed descriptor must exist; with component classes the header must exist and list at least one
     * descriptor per component; descriptors in OSGI-INF must all be listed.
     */
    private void checkServiceComponents(BundleManifest manifest, Set<String> entries) {
        List<String> listed = manifest.clauses("Service-Component").stream().flatMap(c -> c.paths().stream())
                .toList();
        listed.stream().filter(path -> !entries.contains(path))
                .forEach(path -> problems.add("Service-Component lists missing " + path));
        List<String> descriptors = entries.stream().filter(e -> e.startsWith("OSGI-INF/") && e.endsWith(".xml"))
                .sorted().toList();
        descriptors.stream().filter(d -> !listed.contains(d))
                .forEach(d -> problems.add("component descriptor not in Service-Component: " + d));
        if (listed.size() < componentClasses.size()) {
            problems.add(componentClasses.size() + " @Component classes but Service-Component lists " + listed.size()
                    + " descriptors");
        }
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        outer: for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
