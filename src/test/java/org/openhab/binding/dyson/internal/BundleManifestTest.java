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
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.BundleManifest.Clause;

/**
 * Checks the parsing of bundle manifest headers.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BundleManifestTest {

    // bnd-style output: 72-byte lines, continuation lines start with one space, even inside a quoted range
    private static final String MANIFEST = """
            Manifest-Version: 1.0
            Bundle-SymbolicName: org.openhab.binding.dyson;singleton:=true
            Import-Package: com.google.gson;version="[2.10,3)",com.google.gson.ann
             otations;version="[2.10,3)",org.openhab.core.thing;version="[4.3
             ,6)",org.eclipse.jdt.annotation;resolution:=optional,javax.net.ssl,org
             .openhab.core.types;org.openhab.core.library.types;version="[4.3,6)"
            Service-Component: OSGI-INF/a.xml,OSGI-INF/b.xml

            Name: some/entry
            Import-Package: not.main
            """;

    @Test
    void joinsContinuationLinesAndSplitsClausesOutsideQuotes() throws Exception {
        List<Clause> imports = BundleManifest.parse(MANIFEST).clauses("Import-Package");

        assertEquals(6, imports.size());
        assertEquals(new Clause(List.of("com.google.gson.annotations"), Map.of("version", "[2.10,3)")),
                imports.get(1));
        assertEquals(new Clause(List.of("org.openhab.core.thing"), Map.of("version", "[4.3,6)")), imports.get(2));
        assertEquals(new Clause(List.of("org.eclipse.jdt.annotation"), Map.of("resolution:", "optional")),
                imports.get(3));
        assertEquals(new Clause(List.of("javax.net.ssl"), Map.of()), imports.get(4));
        assertEquals(List.of("org.openhab.core.types", "org.openhab.core.library.types"), imports.get(5).paths());
        assertEquals("[4.3,6)", imports.get(5).parameters().get("version"));
    }

    @Test
    void readsOtherMainHeadersOnly() throws Exception {
        BundleManifest manifest = BundleManifest.parse(MANIFEST);

        assertEquals(List.of("org.openhab.binding.dyson"), manifest.clauses("Bundle-SymbolicName").get(0).paths());
        assertEquals(2, manifest.clauses("Service-Component").size());
        assertEquals(List.of(), manifest.clauses("Export-Package"));
        assertNull(manifest.header("Export-Package"));
    }
}
