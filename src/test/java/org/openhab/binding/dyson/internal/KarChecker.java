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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.BundleManifest.Clause;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks a built Karaf archive (.kar) the way Karaf reads it when the file is dropped into openHAB's addons folder:
 * everything below {@code repository/} is a Maven repository, every features XML found there is added and its
 * features are installed (unless the manifest says {@code Karaf-Feature-Start: false}). The archive must hold exactly
 * one features XML with the feature {@value #FEATURE}, which depends on {@value #RUNTIME_BASE} and
 * {@value #TRANSPORT_MDNS} (found by name in the running openHAB, whatever its version, so no openHAB Core features
 * repository is referenced) and installs one bundle whose {@code mvn:} location is inside the archive and is this
 * binding's bundle.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class KarChecker {

    static final String FEATURE = "openhab-binding-dyson";
    static final String RUNTIME_BASE = "openhab-runtime-base";
    static final String TRANSPORT_MDNS = "openhab-transport-mdns";

    private static final String REPOSITORY = "repository/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*\\}");
    private static final Pattern MVN_URL = Pattern.compile("mvn:([^/]+)/([^/]+)/([^/]+)");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, byte[]> repositoryFiles = new HashMap<>();
    private byte @Nullable [] bundle;

    /**
     * Checks the archive; returns the problems, empty if Karaf would install the binding with its dependencies.
     */
    public List<String> check(Path kar) throws IOException {
        problems.clear();
        repositoryFiles.clear();
        bundle = null;
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        checkKarManifest(content);
                    } else if (entry.getName().startsWith(REPOSITORY)) {
                        repositoryFiles.put(entry.getName().substring(REPOSITORY.length()), content);
                    }
                }
            }
        }
        List<Document> featureRepositories = new ArrayList<>();
        repositoryFiles.forEach((path, content) -> {
            Document document = path.endsWith(".xml") ? parse(path, content) : null;
            if (document != null && "features".equals(document.getDocumentElement().getLocalName())) {
                featureRepositories.add(document);
                Matcher placeholder = PLACEHOLDER.matcher(new String(content, StandardCharsets.UTF_8));
                while (placeholder.find()) {
                    problems.add(path + ": unfilled placeholder " + placeholder.group());
                }
            }
        });
        if (featureRepositories.size() != 1) {
            problems.add(featureRepositories.size() + " features XML files below repository/, expected 1");
        } else {
            checkFeatures(featureRepositories.get(0).getDocumentElement());
        }
        return List.copyOf(problems);
    }

    /**
     * The bundle jar the feature installs, as packed in the archive; null if the last check found none.
     */
    public byte @Nullable [] bundle() {
        return bundle;
    }

    private void checkKarManifest(byte[] content) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(content));
        if ("false".equals(manifest.getMainAttributes().getValue("Karaf-Feature-Start"))) {
            problems.add("manifest says Karaf-Feature-Start: false, so Karaf would not install the feature");
        }
        if (manifest.getMainAttributes().getValue("Karaf-Feature-Repos") != null) {
            problems.add("manifest names Karaf-Feature-Repos; Karaf would then not scan repository/");
        }
    }

    private void checkFeatures(Element root) {
        for (Element repository : children(root, "repository")) {
            String uri = repository.getTextContent().trim();
            if (uri.contains("org.openhab.core")) {
                problems.add("<repository>" + uri + "</repository> pins one openHAB Core version; a runtime of"
                        + " another version would have to download it");
            }
        }
        List<Element> features = children(root, "feature");
        Element feature = features.stream().filter(f -> FEATURE.equals(f.getAttribute("name"))).findFirst()
                .orElse(null);
        if (feature == null) {
            problems.add("no feature " + FEATURE);
            return;
        }
        if (features.size() != 1) {
            problems.add(features.size() + " features, expected only " + FEATURE);
        }
        List<String> dependencies = children(feature, "feature").stream().map(d -> d.getTextContent().trim())
                .toList();
        for (String required : List.of(RUNTIME_BASE, TRANSPORT_MDNS)) {
            if (!dependencies.contains(required)) {
                problems.add("feature " + FEATURE + " does not depend on " + required);
            }
        }
        List<Element> bundles = children(feature, "bundle");
        if (bundles.size() != 1) {
            problems.add("feature " + FEATURE + " has " + bundles.size() + " bundles, expected 1");
            return;
        }
        String location = bundles.get(0).getTextContent().trim();
        Matcher mvn = MVN_URL.matcher(location);
        if (!mvn.matches()) {
            problems.add("bundle location " + location + " is not mvn:groupId/artifactId/version");
            return;
        }
        String version = mvn.group(3);
        if (!version.equals(feature.getAttribute("version"))) {
            problems.add("feature version " + feature.getAttribute("version") + " differs from bundle version "
                    + version);
        }
        String path = mvn.group(1).replace('.', '/') + "/" + mvn.group(2) + "/" + version + "/" + mvn.group(2) + "-"
                + version + ".jar";
        byte[] jar = repositoryFiles.get(path);
        if (jar == null) {
            problems.add("bundle " + location + " is not in the archive (expected " + REPOSITORY + path + ")");
            return;
        }
        bundle = jar;
        checkBundle(location, jar, version);
    }

    private void checkBundle(String location, byte[] jar, String version) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                problems.add("bundle " + location + " has no manifest");
                return;
            }
            BundleManifest bundleManifest = BundleManifest.parse(manifestBytes(manifest));
            List<Clause> names = bundleManifest.clauses("Bundle-SymbolicName");
            String name = names.isEmpty() || names.get(0).paths().isEmpty() ? "" : names.get(0).paths().get(0);
            if (!BundleJarChecker.SYMBOLIC_NAME.equals(name)) {
                problems.add("bundle " + location + " is '" + name + "', not " + BundleJarChecker.SYMBOLIC_NAME);
            }
            String bundleVersion = bundleManifest.header("Bundle-Version");
            // bnd writes Maven's 1.2.3-SNAPSHOT as 1.2.3.SNAPSHOT
            if (bundleVersion == null || !bundleVersion.startsWith(version.replace('-', '.'))) {
                problems.add("bundle " + location + " has Bundle-Version " + bundleVersion);
            }
        } catch (IOException e) {
            problems.add("bundle " + location + " is not a jar: " + e.getMessage());
        }
    }

    private static String manifestBytes(Manifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private @Nullable Document parse(String path, byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            problems.add(path + ": not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }
}
