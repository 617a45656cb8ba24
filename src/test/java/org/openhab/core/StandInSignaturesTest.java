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
package org.openhab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Keeps the openHAB Core stand-in honest: every public or protected member of a stand-in type listed in the
 * 4.3/5.x intersection file (a copy of the team's javap-derived list) must appear there unmarked, and the stand-in
 * types missing from that file must be exactly the reviewed ones (checked against openhab-core's sources).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StandInSignaturesTest {

    private static final Path STAND_IN = Path.of("src/openhab-api/java");

    /** Stand-in types absent from the intersection file; their signatures were checked in openhab-core sources. */
    private static final Set<String> CHECKED_AGAINST_CORE_SOURCES = Set.of("org.openhab.core.common.AbstractUID",
            "org.openhab.core.common.registry.Identifiable", "org.openhab.core.common.registry.Registry",
            "org.openhab.core.thing.ThingRegistry", "org.openhab.core.config.core.ConfigParser",
            "org.openhab.core.config.discovery.DiscoveryListener", "org.openhab.core.config.discovery.ScanListener",
            "org.openhab.core.config.discovery.internal.DiscoveryResultImpl",
            "org.openhab.core.library.dimension.Density", "org.openhab.core.library.unit.CustomUnits",
            "org.openhab.core.thing.UID", "org.openhab.core.thing.internal.BridgeImpl",
            "org.openhab.core.thing.internal.ThingImpl", "org.openhab.core.thing.type.AutoUpdatePolicy",
            "org.openhab.core.storage.Storage", "org.openhab.core.storage.StorageService",
            "org.openhab.core.automation.Visibility", "org.openhab.core.automation.annotation.RuleAction",
            "org.openhab.core.automation.annotation.ActionInput", "org.openhab.core.automation.annotation.ActionInputs",
            "org.openhab.core.automation.annotation.ActionOutput",
            "org.openhab.core.automation.annotation.ActionOutputs");

    /**
     * Lines of the file that javap prints differently from reflection but that are binary compatible (the file's
     * header: pairs differing only in 'synchronized', or in a generic return type with the same erasure).
     */
    private static final Set<String> COMPATIBLE_MARKED = Set.of(
            "org.openhab.core.config.discovery.AbstractDiscoveryService: public void abortScan();",
            "org.openhab.core.config.discovery.AbstractDiscoveryService: protected void stopScan();",
            "org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService: "
                    + "public org.openhab.core.thing.binding.ThingHandler getThingHandler();");

    private record Section(Set<String> members, Set<String> marked) {
    }

    private static Map<String, Section> readIntersection() throws IOException {
        Map<String, Section> sections = new HashMap<>();
        Section current = null;
        try (InputStream in = Objects
                .requireNonNull(StandInSignaturesTest.class.getResourceAsStream("/openhab-api-4.3-5.x.txt"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("## ")) {
                    current = new Section(new TreeSet<>(), new TreeSet<>());
                    sections.put(trimmed.substring(3).trim(), current);
                } else if (current != null && !trimmed.isEmpty() && !trimmed.endsWith("{")) {
                    boolean marked = trimmed.startsWith("[4.3 only]") || trimmed.startsWith("[5.x only]");
                    String member = normalize(marked ? trimmed.substring(trimmed.indexOf(']') + 1) : trimmed);
                    (marked ? current.marked() : current.members()).add(member);
                }
            }
        }
        return sections;
    }

    private static String normalize(String member) {
        return member.replace("synchronized ", "").replaceAll("\\s+", " ").replaceAll(",\\s*", ",").trim();
    }

    private static List<String> standInTypes() throws IOException {
        try (Stream<Path> files = Files.walk(STAND_IN)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> STAND_IN.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".java".length()).replace('/', '.').replace('\\', '.'))
                    .sorted().toList();
        }
    }

    /**
     * The member as javap prints it: without the declaring class before the name, ending with ';'.
     */
    private static String javapStyle(Member member, String genericString) {
        String owner = member.getDeclaringClass().getName() + ".";
        String text = genericString.replace(owner + member.getName(), member.getName());
        if (member instanceof Constructor<?>) {
            text = genericString;
        }
        return normalize(text.replace("transient ", "").replace("volatile ", "")) + ";";
    }

    private static List<String> membersOf(Class<?> type) {
        List<String> members = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                members.add(javapStyle(method, method.toGenericString()));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers()) && !constructor.isSynthetic() && !type.isEnum()) {
                members.add(javapStyle(constructor, constructor.toGenericString()));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                members.add(javapStyle(field, field.toGenericString()));
            }
        }
        return members;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    @Test
    void standInMembersAreInTheIntersectionOf43And5x() throws Exception {
        Map<String, Section> intersection = readIntersection();
        List<String> problems = new ArrayList<>();
        for (String typeName : standInTypes()) {
            Section section = intersection.get(typeName);
            if (section == null) {
                continue;
            }
            for (String member : membersOf(Class.forName(typeName))) {
                boolean compatible = COMPATIBLE_MARKED.contains(typeName + ": " + member);
                if (!section.members().contains(member) && !compatible) {
                    problems.add(typeName + ": " + member
                            + (section.marked().contains(member) ? " (marked 4.3/5.x only)" : " (not in 4.3/5.x)"));
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void typesMissingFromTheIntersectionFileAreTheReviewedOnes() throws Exception {
        Map<String, Section> intersection = readIntersection();
        Set<String> missing = new TreeSet<>(standInTypes());
        missing.removeAll(intersection.keySet());

        assertEquals(new TreeSet<>(CHECKED_AGAINST_CORE_SOURCES), missing);
    }
}
