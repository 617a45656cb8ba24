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
package org.openhab.binding.dyson.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StatusTextsTest {

    @Test
    void anArgumentCannotEndTheArgumentListEarly() {
        assertEquals("@text/offline.x [\"a 'quoted' reason\"]", StatusTexts.withArgument("@text/offline.x", "a \"quoted\" reason"));
    }
}
