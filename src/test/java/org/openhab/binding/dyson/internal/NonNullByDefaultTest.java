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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Every top-level type of the main sources carries {@code @NonNullByDefault} (DTOs included), so that null analysis
 * covers all of the binding; nested types inherit it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class NonNullByDefaultTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** A top-level type declaration: starts in column 0 with modifiers, the kind and the name. */
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "^(?:(?:public|protected|private|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** The annotation itself, not {@code @NonNullByDefault({})} or a list of locations. */
    private static final Pattern ANNOTATION = Pattern
            .compile("@(?:org\\.eclipse\\.jdt\\.annotation\\.)?NonNullByDefault\\b(?!\\s*\\()");

    @Test
    void everyTopLevelTypeOfTheMainSourcesIsNonNullByDefault() throws IOException {
        List<String> missing = new ArrayList<>();
        int types = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (file.getFileName().toString().equals("package-info.java")) {
                    continue;
                }
                String source = Files.readString(file, StandardCharsets.UTF_8);
                List<String> found = topLevelTypes(source);
                assertTrue(!found.isEmpty(), "no top-level type found in " + file);
                types += found.size();
                for (String type : typesWithoutAnnotation(source)) {
                    missing.add(MAIN.relativize(file) + ": " + type);
                }
            }
        }
        assertTrue(types > 50, "the scan found the main types: " + types);
        assertEquals(List.of(), missing, "top-level types without @NonNullByDefault");
    }

    static List<String> topLevelTypes(String source) {
        List<String> names = new ArrayList<>();
        Matcher declaration = TOP_LEVEL.matcher(source);
        while (declaration.find()) {
            names.add(declaration.group(1));
        }
        return names;
    }

    /**
     * The top-level types whose annotations (the lines right above the declaration, after its Javadoc) lack
     * {@code @NonNullByDefault}.
     */
    static List<String> typesWithoutAnnotation(String source) {
        List<String> missing = new ArrayList<>();
        Matcher declaration = TOP_LEVEL.matcher(source);
        while (declaration.find()) {
            if (!ANNOTATION.matcher(annotationsAbove(source, declaration.start())).find()) {
                missing.add(declaration.group(1));
            }
        }
        return missing;
    }

    /** The lines above {@code start} up to a blank line, the end of a comment, or a column-0 {@code ;} or '}'. */
    private static String annotationsAbove(String source, int start) {
        String[] lines = source.substring(0, start).split("\n", -1);
        StringBuilder annotations = new StringBuilder();
        // the last element is the empty text between the line break and the declaration
        for (int i = lines.length - 2; i >= 0; i--) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.endsWith("*/") || trimmed.startsWith("//") || line.startsWith("}")
                    || line.startsWith("import ") || line.startsWith("package ")) {
                break;
            }
            annotations.insert(0, line + "\n");
        }
        return annotations.toString();
    }

    @Test
    void theScanTellsAnnotatedFromUnannotatedTypes() {
        String source = """
                package x;

                import org.eclipse.jdt.annotation.NonNullByDefault;

                /**
                 * A DTO.
                 */
                public class Dto {
                    public @Nullable String name;

                    @NonNullByDefault
                    public static class Nested {
                    }
                }

                /** Annotated, with a component annotation over two lines. */
                @Component(service = Object.class,
                        configurationPid = "x")
                @NonNullByDefault
                final class Service {
                }

                @NonNullByDefault({})
                record Off(String a) {
                }

                @org.eclipse.jdt.annotation.NonNullByDefault
                enum Qualified {
                    A
                }

                // @NonNullByDefault
                interface Commented {
                }
                """;

        assertEquals(List.of("Dto", "Service", "Off", "Qualified", "Commented"), topLevelTypes(source));
        assertEquals(List.of("Dto", "Off", "Commented"), typesWithoutAnnotation(source));
    }
}
