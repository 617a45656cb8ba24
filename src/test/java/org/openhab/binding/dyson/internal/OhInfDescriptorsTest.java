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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Validates the binding's own OH-INF descriptors and i18n texts with {@link OhInfChecker}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class OhInfDescriptorsTest {

    private static final Path OH_INF = Path.of("src/main/resources/OH-INF");

    @Test
    void descriptorsAreValidForOpenhab43AndFullyTranslated() throws Exception {
        List<String> problems = new OhInfChecker("dyson", OH_INF, Path.of("src/main/java")).check();

        assertEquals(List.of(), problems, "OH-INF problems:\n" + String.join("\n", problems));
    }

    @Test
    void addonDescriptorDeclaresTheHybridDysonBinding() throws Exception {
        String addon = Files.readString(OH_INF.resolve("addon/addon.xml"), StandardCharsets.UTF_8);

        assertTrue(addon.contains("<addon:addon id=\"dyson\""), addon);
        assertTrue(addon.contains("<type>binding</type>"), addon);
        assertTrue(addon.contains("<connection>hybrid</connection>"), addon);
    }
}
