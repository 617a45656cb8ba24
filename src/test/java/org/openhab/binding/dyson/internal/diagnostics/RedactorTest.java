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
