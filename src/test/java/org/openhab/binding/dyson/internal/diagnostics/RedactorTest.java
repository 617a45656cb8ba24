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
package org.openhab.binding.dyson.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * {@link Redactor}: serial, known secrets and private JSON values never get through.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RedactorTest {

    private static final String SERIAL = "NK6-EU-MHA1234B";
    private static final String PASSWORD = "local-mqtt-Pw9xZ2+/q==";
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD));
    private final Redactor redactor = new Redactor(SERIAL, () -> secrets);

    @Test
    void fakeSerialKeepsTheShapeAsTheCapturesDo() {
        assertEquals("AA0-EU-AAA0000A", Redactor.fakeSerial(SERIAL));
        assertEquals("AAA-EU-AAA0000A", Redactor.fakeSerial("AAA-EU-AAA0000A"));
        assertEquals("AAA-EU-000A0000", Redactor.fakeSerial("SIM-EU-475A0001"));
        assertEquals("AAAAA0000", Redactor.fakeSerial("ABCDE1234"));
        assertEquals("AA0-EU-AAA0000A", redactor.fakeSerial());
    }

    @Test
    void textReplacesTheSerialInAnyCaseAndEveryKnownSecret() {
        String text = redactor.text("475/" + SERIAL + "/status dyson:pure-cool:home:" + SERIAL.toLowerCase()
                + " password " + PASSWORD + " and again " + PASSWORD + ".");

        assertEquals("475/AA0-EU-AAA0000A/status dyson:pure-cool:home:AA0-EU-AAA0000A password REDACTED and again"
                + " REDACTED.", text);
    }

    @Test
    void secretsLearnedLaterAreRedactedTooButShortOnesAreNot() {
        secrets.add("iot-token-Value-77");
        secrets.add("OK");

        assertEquals("REDACTED OK", redactor.text("iot-token-Value-77 OK"));
    }

    @Test
    void aSecretIsRedactedUrlEncodedToo() {
        assertEquals("sig=REDACTED", redactor.text("sig=local-mqtt-Pw9xZ2%2B%2Fq%3D%3D"));
    }

    @Test
    void aRobotsIdsLoseTheSerialTheyCarryInHex() {
        // 277/01 as recorded (fake serial A0A-EU-AAA0000 there): the ids end in the hex of "A0AEUAAA0000"
        Redactor robot = new Redactor("NK6-EU-MHA1234A", List::of);
        String hex = "4E4B-3645-554D-484131323334"; // "NK6EUMHA1234", the serial's first 12 letters and digits
        String message = "{\"msg\":\"CURRENT-STATE\",\"cleanId\":\"03000000-" + hex + "\",\"sessionId\":\"28000000-"
                + hex.toLowerCase() + "\",\"persistentMapId\":\"01000000-" + hex.replace("-", "") + "\"}";

        String safe = robot.payloadText(message);

        String fakeHex = "4141-3045-5541-414130303030"; // "AA0EUAAA0000", of the fake serial AA0-EU-AAA0000A
        assertEquals("{\"msg\":\"CURRENT-STATE\",\"cleanId\":\"03000000-" + fakeHex + "\",\"sessionId\":\"28000000-"
                + fakeHex + "\",\"persistentMapId\":\"01000000-" + fakeHex.replace("-", "") + "\"}", safe);
        assertEquals("bbaf5ce8-428a-4924-b141-f68e760f57a6", robot.text("bbaf5ce8-428a-4924-b141-f68e760f57a6"),
                "a random id stays");
    }

    @Test
    void controlCharactersBecomeVisible() {
        assertEquals("a?[2Jb?c", redactor.text("a\u001b[2Jb\nc"));
    }

    @Test
    void payloadKeepsOrderAndValuesButNotSerialSecretsOrPrivateKeys() {
        String hello = "{\"msg\":\"HELLO\",\"time\":\"2025-01-01T00:00:00Z\",\"serialNumber\":\"" + SERIAL
                + "\",\"macAddress\":\"C8:FF:77:01:02:03\",\"product-state\":{\"fnsp\":[\"0001\",\"0002\"],"
                + "\"t&hs\":\"OK\"},\"otpCode\":\"123456\",\"localBrokerCredentials\":{\"a\":1},"
                + "\"note\":\"pw " + PASSWORD + "\",\"n\":42}";

        assertEquals("{\"msg\":\"HELLO\",\"time\":\"2025-01-01T00:00:00Z\",\"serialNumber\":\"AA0-EU-AAA0000A\","
                + "\"macAddress\":\"REDACTED\",\"product-state\":{\"fnsp\":[\"0001\",\"0002\"],\"t&hs\":\"OK\"},"
                + "\"otpCode\":\"REDACTED\",\"localBrokerCredentials\":\"REDACTED\",\"note\":\"pw REDACTED\","
                + "\"n\":42}", redactor.payloadText(hello));
    }

    @Test
    void aPayloadThatIsNoJsonBecomesARedactedString() {
        assertEquals("\"garbage " + Redactor.fakeSerial(SERIAL) + "\"", redactor.payloadText("garbage " + SERIAL));
    }

    @Test
    void stateKeysOfTheProtocolAreNotMistakenForSecrets() {
        for (String key : List.of("fpwr", "fnsp", "ercd", "wacd", "mode-reason", "state-reason", "rssi", "channel",
                "product-state", "scheduler", "srsc", "tzid", "t&hs", "osal", "oton", "msg", "time", "data")) {
            assertFalse(Redactor.isPrivate(key), key);
        }
        for (String key : List.of("password", "apPasswordHash", "localBrokerCredentials", "token", "tokenValue",
                "tokenSignature", "X-Amz-CustomAuthorizer-Signature", "otpCode", "code", "macAddress", "ssid",
                "ip_address", "email")) {
            assertTrue(Redactor.isPrivate(key), key);
        }
    }

    @Test
    void noneStillRedactsKeysAndLeavesTextAlone() {
        assertEquals("plain", Redactor.none().text("plain"));
        assertEquals("{\"password\":\"REDACTED\"}", Redactor.none().payloadText("{\"password\":\"x\"}"));
    }
}
