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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's Full Example shows exactly the example files in {@code doc/}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ReadmeExampleTest {

    @ParameterizedTest
    @ValueSource(strings = { "dyson.things", "dyson.items", "dyson.sitemap" })
    void readmeShowsTheExampleFile(String file) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("### `" + Pattern.quote(file) + "`\\s+```\\w*\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README has a block for " + file);
        assertEquals(Files.readString(Path.of("doc", file), StandardCharsets.UTF_8).strip(), block.group(1).strip());
    }
}
