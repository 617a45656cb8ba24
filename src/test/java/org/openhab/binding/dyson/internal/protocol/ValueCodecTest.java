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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests {@link ValueCodec}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ValueCodecTest {

    @ParameterizedTest
    @ValueSource(strings = { "OFF", "INIT", "FAIL", "NONE", "INV", "off", " None " })
    void specialValues(String value) {
        assertTrue(ValueCodec.isSpecial(value));
        assertNull(ValueCodec.parseNumber(value));
    }

    @Test
    void numbers() {
        assertEquals(5, ValueCodec.parseNumber("0005"));
        assertEquals(-52, ValueCodec.parseNumber("-52"));
        assertNull(ValueCodec.parseNumber("AUTO"));
        assertNull(ValueCodec.parseNumber(""));
        assertNull(ValueCodec.parseNumber(null));
        assertNull(ValueCodec.parseNumber("99999999999"));
        assertFalse(ValueCodec.isSpecial("0000"));
        assertEquals("0005", ValueCodec.formatNumber(5));
        assertEquals("0540", ValueCodec.formatNumber(540));
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.formatNumber(-1));
    }

    @Test
    void temperatures() {
        assertEquals(new BigDecimal("22.45"), ValueCodec.kelvinTenthsToCelsius(2956));
        assertEquals(new BigDecimal("0.85"), ValueCodec.kelvinTenthsToCelsius(2740));
        assertEquals(2932, ValueCodec.celsiusToKelvinTenths(new BigDecimal("20")));
        assertEquals(2956, ValueCodec.celsiusToKelvinTenths(new BigDecimal("22.45")));
        assertEquals(3102, ValueCodec.celsiusToKelvinTenths(new BigDecimal("37")));
    }
}
