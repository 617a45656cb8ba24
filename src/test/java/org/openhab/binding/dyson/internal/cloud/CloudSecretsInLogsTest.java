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
import static org.openhab.binding.dyson.internal.cloud.CloudFixture.*;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession.LoginStep;

/**
 * Runs login, device list, local and IoT credentials and the usual failures with every binding logger at TRACE,
 * and fails if a password, code, token, local MQTT password or IoT token/signature shows up in a log line, an
 * exception message or a {@code toString()}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CloudSecretsInLogsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private @NonNullByDefault({}) CloudFixture world;
    private final List<String> secrets = new ArrayList<>();
    private final List<String> visible = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        world = new CloudFixture();
        secrets.add(PASSWORD);
        secrets.add(String.valueOf(PURIFIER.localPassword()));
        secrets.add(String.valueOf(LOCAL_ONLY.localPassword()));
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void noSecretIsLoggedOrPutIntoAMessage() throws Exception {
        DysonAccountSession session = world.session(null, null);
        assertEquals(LoginStep.CODE_REQUESTED, session.start());
        String code = String.valueOf(world.standIn.lastCodeFor(EMAIL));
        secrets.add(code);
        String wrongCode = code.equals("999999") ? "888888" : "999999";
        expectFailure(() -> session.completeLogin(wrongCode));
        String token = session.completeLogin(code);
        secrets.add(token);
        world.standIn.failNext(PATH_MANIFEST, 503, 1);
        expectFailure(session::devices);
        world.standIn.malformedNext(PATH_MANIFEST, 1);
        expectFailure(session::devices);

        for (CloudDevice device : session.devices()) {
            visible.add(device.toString());
            LocalCredentials local = session.localCredentials(device);
            if (local != null) {
                visible.add(local.toString());
            }
            IotCredentials iot = session.iotCredentials(device.serialNumber());
            secrets.add(iot.tokenValue());
            secrets.add(iot.tokenSignature());
            visible.add(iot.toString());
        }
        world.standIn.failNext(PATH_IOT_CREDENTIALS, 429, 1);
        world.clock.advance(DysonAccountSession.IOT_CREDENTIALS_INTERVAL);
        session.iotCredentials(PURIFIER.serial());
        world.standIn.revokeTokens();
        expectFailure(session::devices);
        expectFailure(() -> world.session(token, session.challenge()).start());
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);
        expectFailure(() -> world.session(null, null).start());

        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("'verify'")),
                "the binding's debug lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE")), "trace lines are captured");
        assertEquals(11, secrets.size(), "password, 2 local passwords, code, token, 3 IoT token values and signatures");
        logs.assertNoneContains(secrets);
        for (String text : visible) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in: " + text.replace(secret, "<SECRET>"));
            }
        }
    }

    private void expectFailure(org.junit.jupiter.api.function.Executable call) {
        DysonCloudException e = assertThrows(DysonCloudException.class, call);
        visible.add(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            visible.add(String.valueOf(cause.getMessage()));
        }
    }
}
