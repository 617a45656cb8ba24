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
package org.openhab.binding.dyson.internal.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * {@link MobileNumber}: the ways people type a mobile number, and what Dyson's mobile login takes.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MobileNumberTest {

    @Test
    void chineseNumbersGetTheCountryCodeWhateverTheSpelling() {
        for (String typed : new String[] { "+8613800138000", "+86 138 0013 8000", "13800138000", "138-0013-8000",
                "138 0013 8000", "8613800138000", "0086 13800138000", "+86 (138) 0013.8000" }) {
            assertEquals("+8613800138000", MobileNumber.normalize(typed), typed);
        }
    }

    @Test
    void otherInternationalNumbersAreKept() {
        assertEquals("+85291234567", MobileNumber.normalize("+852 9123 4567"));
        assertEquals("+447700900123", MobileNumber.normalize("00447700900123"));
    }

    @Test
    void whatIsNoMobileNumberIsRefused() {
        assertNull(MobileNumber.normalize(""));
        assertNull(MobileNumber.normalize("12345"));
        assertNull(MobileNumber.normalize("owner@example.com"));
        assertNull(MobileNumber.normalize("+0123456789"));
        assertNull(MobileNumber.normalize("23800138000"), "11 digits, but no Chinese mobile number");
        assertNull(MobileNumber.normalize("+86 138 0013 8000 1234 5678"), "too long");
    }
}
