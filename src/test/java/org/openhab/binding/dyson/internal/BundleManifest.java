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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The main section of an OSGi bundle manifest with its headers split into clauses the way the OSGi spec defines
 * them: {@code path(;path)*(;key=value|;key:=value)*}, clauses separated by commas outside double quotes. Line
 * continuations are joined by {@link Manifest}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class BundleManifest {

    /**
     * One clause: its paths (e.g. package names) and its attributes and directives (directives keep the ':' suffix
     * in the key, e.g. {@code resolution:}); quoted values are unquoted.
     */
    public record Clause(List<String> paths, Map<String, String> parameters) {
    }

    private final Attributes mainAttributes;

    private BundleManifest(Manifest manifest) {
        this.mainAttributes = manifest.getMainAttributes();
    }

    public static BundleManifest parse(InputStream in) throws IOException {
        return new BundleManifest(new Manifest(in));
    }

    public static BundleManifest parse(String manifestText) throws IOException {
        return parse(new ByteArrayInputStream(manifestText.getBytes(StandardCharsets.UTF_8)));
    }

    public @Nullable String header(String name) {
        return mainAttributes.getValue(name);
    }

    /**
     * The clauses of a header; empty if the header is absent.
     */
    public List<Clause> clauses(String name) {
        String value = header(name);
        List<Clause> clauses = new ArrayList<>();
        if (value != null) {
            for (String clause : splitOutsideQuotes(value, ',')) {
                if (!clause.isBlank()) {
                    clauses.add(parseClause(clause));
                }
            }
        }
        return clauses;
    }

    private static Clause parseClause(String clause) {
        List<String> paths = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : splitOutsideQuotes(clause, ';')) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                paths.add(trimmed);
            } else {
                String key = trimmed.substring(0, equals).trim();
                String parameterValue = trimmed.substring(equals + 1).trim();
                if (parameterValue.length() >= 2 && parameterValue.startsWith("\"") && parameterValue.endsWith("\"")) {
                    parameterValue = parameterValue.substring(1, parameterValue.length() - 1);
                }
                parameters.put(key, parameterValue);
            }
        }
        return new Clause(List.copyOf(paths), parameters);
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
