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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.BRIDGE_UID;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.EMAIL;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_CODE;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.openhab.binding.dyson.internal.handler.AccountFixture;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * {@code dyson login} and {@code dyson code} against the real account handler and the HTTPS Dyson cloud stand-in: a
 * console login leaves the account thing exactly as a login through the thing configuration does (token in openHAB's
 * storage, none in the configuration, code field cleared, ONLINE with the device list).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ConsoleLoginTest {

    /** Records what the command prints, usage lines too, through a Mockito {@link Console}. */
    static final class RecordingConsole {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Console mock = mock(Console.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));

        RecordingConsole() {
            doAnswer(call -> lines.add(call.getArgument(0))).when(mock).print(anyString());
            doAnswer(call -> lines.add(call.getArgument(0))).when(mock).println(anyString());
            doAnswer(call -> lines.add(call.getArgument(0))).when(mock).printUsage(anyString());
        }
    }

    private final ThingRegistry registry = mock(ThingRegistry.class);
    private final DysonConsoleCommandExtension command = new DysonConsoleCommandExtension(registry);
    private final RecordingConsole console = new RecordingConsole();
    private @NonNullByDefault({}) AccountFixture world;

    @BeforeEach
    void setUp() throws Exception {
        world = new AccountFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    /** The thing as the registry holds it, with its handler, as core wires them. */
    private DysonAccountHandler registered(DysonAccountHandler handler) {
        Thing thing = handler.getThing();
        thing.setHandler(handler);
        when(registry.get(BRIDGE_UID)).thenReturn(thing);
        return handler;
    }

    private List<String> run(String... args) {
        console.lines.clear();
        command.execute(args, console.mock);
        return List.copyOf(console.lines);
    }

    private DysonAccountHandler newAccountWaitingForItsCode() {
        DysonAccountHandler handler = registered(world.startNew());
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        return handler;
    }

    @Test
    void theCodeFromTheConsoleLogsInAsTheThingConfigurationDoes() {
        DysonAccountHandler handler = newAccountWaitingForItsCode();

        List<String> output = run("code", BRIDGE_UID.getAsString(), world.mailedCode());

        assertEquals(List.of("Sending the code for dyson:account:home ...",
                "Logged in: dyson:account:home is ONLINE with 3 devices."), output);
        assertEquals(ThingStatus.ONLINE, handler.getThing().getStatus());
        assertNotNull(world.storedToken(), "the token is in openHAB's storage");
        assertNull(world.configValue("token"), "and not in the thing configuration");
        assertNull(world.configValue("otpCode"), "no code is left in the configuration");
        assertNull(world.storage.get("challenge:" + EMAIL.toLowerCase(Locale.ROOT)), "no pending login is left");
        assertEquals(3, handler.devices().size());

        // the token survives a restart, as after a login through the configuration
        world.restart();
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
    }

    @Test
    void loginAsksForANewCodeAndOnlyTheNewCodeCompletesIt() {
        newAccountWaitingForItsCode();
        String first = world.mailedCode();

        List<String> output = run("login", BRIDGE_UID.getAsString());

        assertEquals(List.of("Logging in dyson:account:home ...",
                "Dyson e-mailed a login code to the account's e-mail address.",
                "Enter it with: dyson code dyson:account:home <code>"), output);
        String second = world.mailedCode();
        assertNotEquals(first, second, "a new code was mailed");
        String wrong = second.equals("000000") ? "000001" : "000000";
        assertEquals("Dyson refused the login: Wrong password or code: check the password and enter the latest code"
                + " Dyson e-mailed.", run("code", BRIDGE_UID.getAsString(), wrong).get(1));
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, world.handler().getThing().getStatusInfo().getStatusDetail());

        assertEquals("Logged in: dyson:account:home is ONLINE with 3 devices.",
                run("code", BRIDGE_UID.getAsString(), second).get(1), "the pending login survives a wrong code");
        assertNotNull(world.storedToken());
        assertNull(world.configValue("otpCode"));
    }

    @Test
    void loginOfALoggedInAccountChecksItsTokenAndMailsNoCode() {
        registered(world.loggedIn());
        String code = world.mailedCode();

        assertEquals(List.of("Logging in dyson:account:home ...",
                "Logged in: dyson:account:home is ONLINE with 3 devices."), run("login", BRIDGE_UID.getAsString()));
        assertEquals(code, world.mailedCode(), "no new code");
    }

    @Test
    void aCodeWithoutAPendingLoginIsNotUsedAndANewCodeIsMailed() {
        newAccountWaitingForItsCode();
        String mailed = world.mailedCode();
        world.storage.remove("challenge:" + EMAIL.toLowerCase(Locale.ROOT)); // the pending login expired

        List<String> output = run("code", BRIDGE_UID.getAsString(), mailed);

        assertTrue(output.get(1).startsWith("No login was waiting for a code"), output.toString());
        assertNotEquals(mailed, world.mailedCode());
        assertEquals(ThingStatusDetail.CONFIGURATION_PENDING, world.handler().getThing().getStatusInfo().getStatusDetail());
    }
}
