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

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The Wi-Fi sticker rules of protocol reference §2.6.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class WifiStickerTest {

    @Test
    void passwordIsBase64OfSha512() {
        assertEquals("o6jIG8l8JWABDXOJvIiqyXShBODiOBIgxuCExNzNHS0X1PhtsxwqhR3IDmaB10czxV3NA92W9gYs3aEqKRrmzg==",
                WifiSticker.mqttPassword("abcdefgh"));
        assertEquals(88, WifiSticker.mqttPassword("x").length());
    }

    @Test
    void parsesAFanSsid() {
        WifiSticker sticker = WifiSticker.parseSsid("DYSON-AB1-EU-KAA0000A-475");
        assertEquals(new WifiSticker("AB1-EU-KAA0000A", "475"), sticker);
        assertEquals(new LocalCredentials("AB1-EU-KAA0000A", WifiSticker.mqttPassword("abcdefgh")),
                sticker == null ? null : sticker.credentials("abcdefgh"));
    }

    @Test
    void maps455AToTopicRoot455() {
        WifiSticker sticker = WifiSticker.parseSsid("DYSON-NN2-EU-JEA3830A-455A");
        assertNotNull(sticker);
        assertEquals("455", sticker.productType());
        assertEquals("NN2-EU-JEA3830A", sticker.serial());
    }

    @Test
    void keepsOtherLetteredTypes() {
        WifiSticker sticker = WifiSticker.parseSsid("DYSON-AB1-EU-KAA0000A-438K");
        assertNotNull(sticker);
        assertEquals("438K", sticker.productType());
    }

    @Test
    void parsesA360EyeSsid() {
        assertEquals(new WifiSticker("JH1-US-HBB1111A", "N223"), WifiSticker.parseSsid("360EYE-JH1-US-HBB1111A"));
    }

    @Test
    void rejectsOtherSsids() {
        assertNull(WifiSticker.parseSsid("HomeWifi"));
        assertNull(WifiSticker.parseSsid("DYSON-AB1-EU-KAA0000A"));
        assertNull(WifiSticker.parseSsid("DYSON-ab1-EU-KAA0000A-475"));
        assertNull(WifiSticker.parseSsid("DYSON-AB1-EU-KAA0000A-47"));
    }
}
