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
package org.openhab.binding.dyson.internal.testworld;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.testworld.RawMqttClient.End;

/**
 * The test world's broker refuses what a Dyson device's own broker refuses (protocol notes §4.2; see
 * {@link DeviceBrokerGate}), seen by a client on a bare socket: CONNACK codes, orderly closes and TCP resets.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceBrokerRulesTest {

    private static final String SERIAL = "XX1-EU-RUL0001A";
    private static final String PASSWORD = "device-local-password";
    private static final String ID_23 = "abcdefghijklmnopqrstuvw";

    /** One broker for all tests (a Moquette stop takes 2 s); each test uses client ids of its own. */
    private static final EmbeddedBroker BROKER = new EmbeddedBroker().addAccount(SERIAL, PASSWORD);

    @BeforeAll
    static void start() throws IOException {
        BROKER.start();
    }

    @AfterAll
    static void stop() {
        BROKER.close();
    }

    @Test
    void aMqtt31ClientIdOfMoreThan23CharactersIsRejected() throws IOException {
        try (RawMqttClient client = new RawMqttClient(BROKER.port())) {
            client.send(RawMqttClient.connect(true, ID_23 + "x", SERIAL, PASSWORD));
            assertEquals(DeviceBrokerGate.CONNACK_IDENTIFIER_REJECTED, client.read().returnCode());
            assertEquals(End.CLOSED, client.awaitEnd());
        }
        assertEquals(0, connectAndLeave(true, ID_23, PASSWORD));
    }

    @Test
    void mqtt311ClientIdsAreNotLimited() throws IOException {
        assertEquals(0, connectAndLeave(false, ID_23 + "-and-some-more-characters", PASSWORD));
    }

    @Test
    void aWrongPasswordIsRefusedAsBadCredentials() throws IOException {
        assertEquals(4, connectAndLeave(true, "wrong-password", "not-the-password"));
        try (RawMqttClient client = new RawMqttClient(BROKER.port())) {
            client.send(RawMqttClient.connect(true, "unknown-serial", "XX1-EU-OTHER01A", PASSWORD));
            assertEquals(4, client.read().returnCode());
            assertEquals(End.CLOSED, client.awaitEnd());
        }
    }

    @Test
    void aClientIdWhoseConnectionIsStillOpenGetsAReset() throws IOException {
        try (RawMqttClient first = new RawMqttClient(BROKER.port())) {
            first.send(RawMqttClient.connect(true, "churn-open", SERIAL, PASSWORD));
            assertEquals(0, first.read().returnCode());
            assertEquals(End.RESET, connectEnd("churn-open"));
            assertEquals(0, connectAndLeave(true, "churn-fresh", PASSWORD), "a fresh id works");
        }
    }

    @Test
    void aClientIdWhoseConnectionJustWentAwayGetsAResetUntilItsKeepAliveHasRunOut() throws IOException {
        try (RawMqttClient gone = new RawMqttClient(BROKER.port())) {
            gone.send(RawMqttClient.connect(true, "churn-gone", SERIAL, PASSWORD, 1));
            assertEquals(0, gone.read().returnCode());
        } // closed without DISCONNECT
        assertEquals(End.RESET, connectEnd("churn-gone"));
        assertEquals(0, connectAndLeave(true, "churn-other", PASSWORD), "a fresh id works");
        // held for 1.5 times the keep-alive of one second after the broker last heard from the client
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> connectAndLeave(true, "churn-gone", PASSWORD) == 0);
    }

    @Test
    void aDisconnectFreesTheClientIdAtOnce() throws IOException {
        assertEquals(0, connectAndLeave(true, "churn-polite", PASSWORD));
        assertEquals(0, connectAndLeave(true, "churn-polite", PASSWORD));
    }

    @Test
    void aRefusedConnectHoldsNoClientId() throws IOException {
        assertEquals(4, connectAndLeave(true, "churn-refused", "not-the-password"));
        assertEquals(0, connectAndLeave(true, "churn-refused", PASSWORD));
    }

    @Test
    void theTestWorldsOwnAnonymousConnectionsPassUnchecked() throws IOException {
        try (RawMqttClient first = new RawMqttClient(BROKER.port())) {
            first.send(RawMqttClient.connect(false, "relay-or-simulator", null, null));
            assertEquals(0, first.read().returnCode());
            try (RawMqttClient second = new RawMqttClient(BROKER.port())) {
                second.send(RawMqttClient.connect(false, "relay-or-simulator", null, null));
                assertEquals(0, second.read().returnCode());
            }
        }
    }

    @Test
    void aRobotsBrokerRefusesMqtt311() throws IOException {
        try (EmbeddedBroker robot = new EmbeddedBroker().addAccount(SERIAL, PASSWORD).onlyMqtt31().start()) {
            try (RawMqttClient client = new RawMqttClient(robot.port())) {
                client.send(RawMqttClient.connect(false, "robot-311", SERIAL, PASSWORD));
                assertEquals(DeviceBrokerGate.CONNACK_UNACCEPTABLE_PROTOCOL, client.read().returnCode());
                assertEquals(End.CLOSED, client.awaitEnd());
            }
            try (RawMqttClient client = new RawMqttClient(robot.port())) {
                client.send(RawMqttClient.connect(true, "robot-31", SERIAL, PASSWORD));
                assertEquals(0, client.read().returnCode());
                client.send(RawMqttClient.disconnect());
            }
        }
    }

    @Test
    void refusedConnectsAreCountedAsAttempts() throws IOException {
        int before = BROKER.connectAttempts();
        connectAndLeave(true, ID_23 + "x", PASSWORD);
        connectAndLeave(true, "counted", "not-the-password");
        assertEquals(before + 2, BROKER.connectAttempts());
    }

    /** Connects as the device's owner would; returns the CONNACK code and, when accepted, disconnects politely. */
    private static int connectAndLeave(boolean mqtt31, String clientId, @Nullable String password) throws IOException {
        try (RawMqttClient client = new RawMqttClient(BROKER.port())) {
            client.send(RawMqttClient.connect(mqtt31, clientId, SERIAL, password));
            int code = client.read().returnCode();
            if (code == 0) {
                client.send(RawMqttClient.disconnect());
                client.awaitEnd();
            }
            return code;
        }
    }

    /** Connects with {@code clientId} and tells how the broker answered without a CONNACK. */
    private static End connectEnd(String clientId) throws IOException {
        try (RawMqttClient client = new RawMqttClient(BROKER.port())) {
            client.send(RawMqttClient.connect(true, clientId, SERIAL, PASSWORD));
            return client.awaitEnd();
        }
    }
}
