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
package org.openhab.binding.dyson.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket failures Paho 1.2.5 reports, as it wraps them: a refused upgrade means the credentials (fetch fresh
 * ones), a key mismatch is Paho's own race between two handshakes (the credentials are fine).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class FailureCausesTest {

    private static MqttException paho(String message) {
        return new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION, new IOException(message));
    }

    @Test
    void aRefusedUpgradeIsACredentialsMatter() {
        MqttException failure = paho("WebSocket Response header: Invalid response from Server, It may not support "
                + "WebSockets.");

        assertTrue(FailureCauses.upgradeRefused(failure));
        assertFalse(FailureCauses.webSocketKeyMismatch(failure));
    }

    @Test
    void aKeyMismatchIsNotARefusal() {
        MqttException failure = paho("WebSocket Response header: Incorrect Sec-WebSocket-Key");

        assertTrue(FailureCauses.webSocketKeyMismatch(failure));
        assertFalse(FailureCauses.upgradeRefused(failure), "fresh credentials would not help, and refused ones "
                + "are never used again");
    }
}
