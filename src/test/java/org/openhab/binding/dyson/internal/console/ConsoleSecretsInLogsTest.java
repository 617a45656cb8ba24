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
package org.openhab.binding.dyson.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.BRIDGE_UID;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_CODE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.console.ConsoleLoginTest.RecordingConsole;
import org.openhab.binding.dyson.internal.handler.AccountFixture;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * Logs an account in from the console with a wrong and a right code, checks the token with {@code login}, then has
 * the token revoked and logs in again with the new code, all with every logger at TRACE, and fails if the password,
 * a code or a token appears in the console output, a log line or a status description.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ConsoleSecretsInLogsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final ThingRegistry registry = mock(ThingRegistry.class);
    private final DysonConsoleCommandExtension command = new DysonConsoleCommandExtension(registry);
    private final RecordingConsole console = new RecordingConsole();
    private final List<String> secrets = new ArrayList<>();
    private @NonNullByDefault({}) AccountFixture world;

    @BeforeEach
    void setUp() throws Exception {
        world = new AccountFixture();
        secrets.add(PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    private void run(String... args) {
        command.execute(args, console.mock);
    }

    private void register(DysonAccountHandler handler) {
        Thing thing = handler.getThing();
        thing.setHandler(handler);
        when(registry.get(BRIDGE_UID)).thenReturn(thing);
    }

    @Test
    void noSecretIsPrintedLoggedOrPutIntoAStatus() {
        String uid = BRIDGE_UID.getAsString();
        register(world.startNew());
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        run("login", uid);
        String code = world.mailedCode();
        String wrongCode = code.equals("987654") ? "876543" : "987654";
        secrets.add(code);
        secrets.add(wrongCode);
        run("code", uid, wrongCode);
        run("code", wrongCode, uid); // the arguments swapped
        run("code", uid, code);
        assertEquals(ThingStatus.ONLINE, world.handler().getThing().getStatus());
        secrets.add(String.valueOf(world.storedToken()));
        run("login", uid);

        world.standIn.revokeTokens();
        run("login", uid);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, world.handler().getThing().getStatusInfo().getStatusDetail());
        String secondCode = world.mailedCode();
        secrets.add(secondCode);
        run("code", uid, secondCode);
        assertEquals(ThingStatus.ONLINE, world.handler().getThing().getStatus());
        String secondToken = String.valueOf(world.storedToken());
        assertNotEquals(secrets.get(3), secondToken);
        secrets.add(secondToken);

        List<String> visible = new ArrayList<>(console.lines);
        assertTrue(console.lines.stream().filter(line -> line.startsWith("Logged in")).count() == 3,
                String.join("\n", console.lines));
        ArgumentCaptor<ThingStatusInfo> statuses = ArgumentCaptor.forClass(ThingStatusInfo.class);
        verify(world.callback, atLeastOnce()).statusUpdated(any(), statuses.capture());
        statuses.getAllValues().forEach(status -> visible.add(status.toString()));
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("logged in with the e-mailed code")),
                "the handler's debug lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE")), "trace lines are captured");
        assertEquals(6, secrets.size(), "password, 3 codes, 2 tokens");

        logs.assertNoneContains(secrets);
        for (String text : visible) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in: " + text.replace(secret, "<SECRET>"));
            }
        }
    }
}
