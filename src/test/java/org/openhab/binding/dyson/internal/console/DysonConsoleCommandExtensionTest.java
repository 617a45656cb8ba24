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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.ConsoleCommandCompleter;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;

/**
 * The {@code dyson} console command against a mocked thing registry and account handlers, printing into a recording
 * console.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonConsoleCommandExtensionTest {

    private static final String ENCRYPTED_LOCAL_PASSWORD = "bG9jYWwtYnJva2VyLXNlY3JldA==";

    /**
     * Records what the command prints through a Mockito {@link Console}, line by line; usage lines separately. The
     * console's default methods ({@code printf}) run as in core, through the recorded ones.
     */
    private static class RecordingConsole {
        final List<String> lines = new ArrayList<>();
        final List<String> usages = new ArrayList<>();
        final Console mock = mock(Console.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));

        RecordingConsole() {
            doAnswer(call -> lines.add(call.getArgument(0))).when(mock).print(anyString());
            doAnswer(call -> lines.add(call.getArgument(0))).when(mock).println(anyString());
            doAnswer(call -> usages.add(call.getArgument(0))).when(mock).printUsage(anyString());
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    private final ThingRegistry registry = mock(ThingRegistry.class);
    private final DysonAccountHandler homeHandler = mock(DysonAccountHandler.class);
    private final DysonConsoleCommandExtension command = new DysonConsoleCommandExtension(registry);
    private final RecordingConsole console = new RecordingConsole();
    private final Bridge home = account("home", "Home", new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE,
            null));
    private final Bridge office = account("office", "Office",
            new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, "@text/x"));
    private final Thing purifier = ThingBuilder
            .create(DysonBindingConstants.THING_TYPE_PURE_COOL, new ThingUID("dyson:pure-cool:home:AB1-EU-KAA0000A"))
            .withBridge(home.getUID()).build();
    private final Thing foreign = ThingBuilder.create(new ThingTypeUID("other", "account"), "home").build();

    private static Bridge account(String id, String label, ThingStatusInfo status) {
        Bridge bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, id).withLabel(label).build();
        bridge.setStatusInfo(status);
        return bridge;
    }

    private static CloudDevice device(String serial, String name, String root, @Nullable String connection,
            @Nullable String remoteBroker, @Nullable String localCredentials) {
        return new CloudDevice(serial, name, root.substring(0, 3), null, "TP07", "Dyson Purifier Cool", "ec",
                connection, connection != null, "438KPF.00.01.003.0011", List.of(), root, remoteBroker,
                localCredentials);
    }

    @BeforeEach
    void setUp() {
        home.setHandler(homeHandler);
        when(registry.stream()).thenAnswer(invocation -> Stream.of(purifier, office, foreign, home));
        when(registry.get(any())).thenReturn(null);
        when(registry.get(home.getUID())).thenReturn(home);
        when(registry.get(office.getUID())).thenReturn(office);
        when(registry.get(purifier.getUID())).thenReturn(purifier);
        when(homeHandler.devices()).thenReturn(List.of(
                device("AB1-EU-KAA0000A", "Bedroom", "438K", "wifiOnly", "wss", ENCRYPTED_LOCAL_PASSWORD),
                device("NN2-EU-JAA0000A", "Living\u001b[2Jroom", "455", "lecAndWifi", null, ENCRYPTED_LOCAL_PASSWORD),
                device("RB1-EU-AAA0000A", "Robot", "N223", "wifiOnly", "wss", null),
                device("BL1-EU-AAA0000A", "Bluetooth lamp", "552", "lecOnly", null, null)));
    }

    @Test
    void isTheDysonCommandWithAUsageLinePerSubcommand() {
        assertEquals("dyson", command.getCommand());
        assertEquals(List.of("dyson accounts - list the Dyson account things and their status",
                "dyson devices <accountThingUID> - list the devices of an account as the Dyson cloud lists them"
                        + " (no credentials)",
                "dyson login <accountThingUID> - log the account in: checks its token, else Dyson e-mails a code",
                "dyson code <accountThingUID> <code> - complete the login with the code Dyson e-mailed (never printed"
                        + " or logged)",
                "dyson status <deviceThingUID> - show the transport in use and why, the last link transitions and"
                        + " the connection quality",
                "dyson listen <deviceThingUID> [seconds] - print the device's MQTT messages as they come for the given"
                        + " seconds (default 30, at most 3600); the console offers no key input, so it stops when"
                        + " the time is up (or on Ctrl+C)",
                "dyson capture <deviceThingUID> <seconds> <file> - save the device's MQTT messages for the given"
                        + " seconds (at most 3600) to a new file as JSON Lines in the format of the binding's test"
                        + " captures",
                "dyson reconnect <deviceThingUID> - drop the device's connection and connect again now (back-off"
                        + " reset), then show the outcome",
                "dyson help - show this usage (device output never shows serial numbers or secrets)"),
                command.getUsages());
    }

    @Test
    void accountsListsOnlyDysonAccountsSortedWithStatusLabelAndDeviceCount() {
        command.execute(new String[] { "accounts" }, console.mock);

        assertEquals(List.of("dyson:account:home  ONLINE  \"Home\"  4 devices",
                "dyson:account:office  OFFLINE (CONFIGURATION_PENDING)  \"Office\"  no handler"), console.lines);
    }

    @Test
    void accountsSaysSoWhenThereIsNone() {
        when(registry.stream()).thenAnswer(invocation -> Stream.of(purifier, foreign));

        command.execute(new String[] { "accounts" }, console.mock);

        assertEquals(List.of("No Dyson account things."), console.lines);
    }

    @Test
    void devicesListsFactsOfEveryDeviceOfTheAccount() {
        command.execute(new String[] { "devices", "dyson:account:home" }, console.mock);

        assertEquals(List.of("4 devices of dyson:account:home:", //
                "AB1-EU-KAA0000A  \"Bedroom\"",
                "    product type: 438K (Purifier Cool Formaldehyde), model: TP07, firmware: 438KPF.00.01.003.0011",
                "    connection: wifiOnly, remote broker: wss, local credentials: yes, thing type: pure-cool",
                "NN2-EU-JAA0000A  \"Living?[2Jroom\"",
                "    product type: 455 (Pure Hot+Cool Link), model: TP07, firmware: 438KPF.00.01.003.0011",
                "    connection: lecAndWifi, remote broker: -, local credentials: yes, thing type: pure-hot-cool-link",
                "RB1-EU-AAA0000A  \"Robot\"", //
                "    product type: N223 (360 Eye), model: TP07, firmware: 438KPF.00.01.003.0011",
                "    connection: wifiOnly, remote broker: wss, local credentials: no, thing type: 360-eye",
                "BL1-EU-AAA0000A  \"Bluetooth lamp\"",
                "    product type: 552, model: TP07, firmware: 438KPF.00.01.003.0011",
                "    connection: lecOnly, remote broker: -, local credentials: no, thing type: not supported"),
                console.lines);
    }

    @Test
    void devicesNeverPrintsOrDecryptsCredentials() throws Exception {
        command.execute(new String[] { "devices", "dyson:account:home" }, console.mock);

        assertFalse(console.text().contains(ENCRYPTED_LOCAL_PASSWORD), console.text());
        verify(homeHandler, never()).localCredentials(anyString());
        verify(homeHandler, never()).iotCredentials(anyString());
        verify(homeHandler, never()).refreshDevicesSoon();
    }

    @Test
    void devicesOfAnAccountWithoutDeviceListSaysSo() {
        when(homeHandler.devices()).thenReturn(List.of());

        command.execute(new String[] { "devices", "dyson:account:home" }, console.mock);

        assertEquals(List.of("The account dyson:account:home lists no devices yet (ONLINE)."), console.lines);
    }

    @Test
    void devicesOfAnAccountWithoutHandlerSaysSo() {
        command.execute(new String[] { "devices", "dyson:account:office" }, console.mock);

        assertEquals(List.of("The account dyson:account:office has no handler (OFFLINE (CONFIGURATION_PENDING))."),
                console.lines);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dyson:account:nowhere", "dyson:pure-cool:home:AB1-EU-KAA0000A", "other:account:home" })
    void devicesRefusesWhatIsNotADysonAccount(String uid) {
        command.execute(new String[] { "devices", uid }, console.mock);

        assertEquals(List.of("No Dyson account thing " + uid + "; see 'dyson accounts'."), console.lines);
        assertTrue(console.usages.isEmpty());
    }

    @Test
    void devicesRefusesAMalformedUid() {
        command.execute(new String[] { "devices", "not a uid" }, console.mock);

        assertEquals(List.of("Not a thing UID: not a uid"), console.lines);
    }

    // ---- login and code (the account handler is a mock here; ConsoleLoginTest runs them against the cloud stand-in)

    private static final String CODE = "246813";

    private void loginStepEndsWith(ThingStatus status, ThingStatusDetail detail, @Nullable String description) {
        when(homeHandler.loginNow(anyString())).thenReturn(
                CompletableFuture.completedFuture(new ThingStatusInfo(status, detail, description)));
    }

    @Test
    void loginAsksTheHandlerToLogInAndTellsWhereTheCodeGoes() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                "@text/offline.account.enter-code");

        command.execute(new String[] { "login", "dyson:account:home" }, console.mock);

        verify(homeHandler).loginNow("");
        assertEquals(List.of("Logging in dyson:account:home ...",
                "Dyson e-mailed a login code to the account's e-mail address.",
                "Enter it with: dyson code dyson:account:home <code>"), console.lines);
    }

    @Test
    void codeHandsTheCodeToTheHandlerAndNeverPrintsIt() {
        loginStepEndsWith(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        command.execute(new String[] { "code", "dyson:account:home", CODE }, console.mock);

        verify(homeHandler).loginNow(CODE);
        assertEquals(List.of("Sending the code for dyson:account:home ...",
                "Logged in: dyson:account:home is ONLINE with 4 devices."), console.lines);
    }

    @Test
    void aRefusedCodeSaysWhyInWordsAndWhatToDoNext() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.wrong-credentials");

        command.execute(new String[] { "code", "dyson:account:home", CODE }, console.mock);

        assertEquals(List.of("Sending the code for dyson:account:home ...",
                "Dyson refused the login: Wrong password or code: check the password and enter the latest code Dyson"
                        + " e-mailed.",
                "Check the password in the account thing; enter the latest code with: dyson code dyson:account:home"
                        + " <code>, or ask for a new one with: dyson login dyson:account:home"),
                console.lines);
    }

    @Test
    void aCodeWithoutAPendingLoginSaysANewCodeWasSent() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                "@text/offline.account.enter-code");

        command.execute(new String[] { "code", "dyson:account:home", CODE }, console.mock);

        assertEquals(List.of("Sending the code for dyson:account:home ...",
                "No login was waiting for a code (a code is valid for a few minutes only), so Dyson e-mailed a new"
                        + " one.",
                "Enter it with: dyson code dyson:account:home <code>"), console.lines);
    }

    @Test
    void otherOutcomesShowTheStatusWithItsTextAndArgument() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.account.cloud-error [\"HTTP 503 from 'provision'\"]");

        command.execute(new String[] { "login", "dyson:account:home" }, console.mock);

        assertEquals("Not logged in: OFFLINE (COMMUNICATION_ERROR): Dyson cloud unreachable or failing: HTTP 503 from"
                + " 'provision'", console.lines.get(1));
    }

    @Test
    void theSmsLoginOfChinaIsToldAsSuch() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                "@text/offline.account.enter-sms-code");
        command.execute(new String[] { "login", "dyson:account:home" }, console.mock);
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.wrong-sms-code");
        command.execute(new String[] { "code", "dyson:account:home", CODE }, console.mock);
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.token-invalid-sms");
        command.execute(new String[] { "login", "dyson:account:home" }, console.mock);

        assertEquals(List.of("Logging in dyson:account:home ...",
                "Dyson sent a login code by SMS to the account's mobile number.",
                "Enter it with: dyson code dyson:account:home <code>", "Sending the code for dyson:account:home ...",
                "Dyson refused the login: Wrong code: enter the latest code Dyson sent by SMS.",
                "Enter the latest code with: dyson code dyson:account:home <code>, or ask for a new one with: dyson"
                        + " login dyson:account:home",
                "Logging in dyson:account:home ...",
                "The stored access token is no longer valid; Dyson sent a new code by SMS.",
                "Enter it with: dyson code dyson:account:home <code>"), console.lines);
    }

    @Test
    void aRejectedTokenWithoutANewCodeSaysSoInsteadOfAskingForACode() {
        loginStepEndsWith(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.token-invalid-no-code");

        command.execute(new String[] { "login", "dyson:account:home" }, console.mock);

        assertEquals(List.of("Logging in dyson:account:home ...",
                "Not logged in: OFFLINE (CONFIGURATION_ERROR): Access token no longer valid, and Dyson sent no new"
                        + " code now: save the account thing later to request one."),
                console.lines);
    }

    @Test
    void aLoginWithoutAnswerInTimeShowsTheStatusAndReturns() {
        when(homeHandler.loginNow(anyString())).thenReturn(new CompletableFuture<>());
        DysonConsoleCommandExtension impatient = new DysonConsoleCommandExtension(registry, Duration.ofMillis(50));

        impatient.execute(new String[] { "code", "dyson:account:home", CODE }, console.mock);

        assertEquals(List.of("Sending the code for dyson:account:home ...",
                "No answer from the Dyson cloud within 0 s; the account is ONLINE. See 'dyson accounts'."),
                console.lines);
    }

    @Test
    void loginAndCodeRefuseWhatIsNotAUsableAccountWithoutEchoingTheCode() {
        // the arguments swapped, a device, a foreign thing, an account without handler, an empty code
        command.execute(new String[] { "code", CODE, "dyson:account:home" }, console.mock);
        command.execute(new String[] { "code", "dyson:pure-cool:home:AB1-EU-KAA0000A", CODE }, console.mock);
        command.execute(new String[] { "code", "other:account:home", CODE }, console.mock);
        command.execute(new String[] { "code", "dyson:account:office", CODE }, console.mock);
        command.execute(new String[] { "code", "dyson:account:home", " " }, console.mock);
        command.execute(new String[] { "login", "dyson:account:nowhere" }, console.mock);

        assertEquals(List.of("No Dyson account thing; see 'dyson accounts'.",
                "No Dyson account thing; see 'dyson accounts'.", "No Dyson account thing; see 'dyson accounts'.",
                "The account dyson:account:office has no handler (OFFLINE (CONFIGURATION_PENDING)): is the thing"
                        + " enabled?",
                "The code is empty: enter the code from Dyson's e-mail.",
                "No Dyson account thing dyson:account:nowhere; see 'dyson accounts'."), console.lines);
        verify(homeHandler, never()).loginNow(anyString());
        assertFalse(console.text().contains(CODE));
    }

    @ParameterizedTest
    @ValueSource(strings = { "help", "", "accounts extra", "devices", "devices a b", "list", "ACCOUNTS", "login",
            "login a b", "code", "code 123456", "code a 123456 b", "LOGIN dyson:account:home", "status", "status a b",
            "listen", "listen a 1 2", "capture a 1", "capture a 1 f g", "reconnect", "reconnect a b" })
    void helpMissingOrUnknownArgumentsPrintTheUsage(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        command.execute(args, console.mock);

        assertEquals(command.getUsages(), console.usages);
        assertTrue(console.lines.isEmpty(), console.text());
    }

    @Test
    void completesSubcommandsAndAccountUids() {
        ConsoleCommandCompleter completer = command.getCompleter();
        assertNotNull(completer);

        List<String> subcommands = new ArrayList<>();
        assertTrue(completer.complete(new String[] { "d" }, 0, 1, subcommands));
        assertEquals(List.of("devices "), subcommands);

        List<String> all = new ArrayList<>();
        assertTrue(completer.complete(new String[0], 0, 0, all));
        assertEquals(List.of("accounts ", "devices ", "login ", "code ", "status ", "listen ", "capture ",
                "reconnect ", "help "), all);

        List<String> uids = new ArrayList<>();
        assertTrue(completer.complete(new String[] { "devices", "dyson:account:h" }, 1, 15, uids));
        assertEquals(List.of("dyson:account:home "), uids);

        for (String subcommand : List.of("login", "code")) {
            List<String> accounts = new ArrayList<>();
            assertTrue(completer.complete(new String[] { subcommand, "" }, 1, 0, accounts));
            assertEquals(List.of("dyson:account:home ", "dyson:account:office "), accounts);
        }
        List<String> code = new ArrayList<>();
        assertFalse(completer.complete(new String[] { "code", "dyson:account:home", "1" }, 2, 1, code));
        assertEquals(List.of(), code);

        List<String> none = new ArrayList<>();
        assertFalse(completer.complete(new String[] { "accounts", "x" }, 1, 1, none));
        assertEquals(List.of(), none);
    }

    @ParameterizedTest
    @ValueSource(strings = { "status", "listen", "reconnect" })
    void deviceCommandsRefuseAccountsAndThingsWithoutDeviceHandler(String subcommand) {
        for (String uid : List.of("dyson:account:home", "dyson:pure-cool:home:AB1-EU-KAA0000A")) {
            console.lines.clear();
            command.execute(new String[] { subcommand, uid }, console.mock);

            assertEquals(List.of("No running Dyson device thing has that UID; see 'dyson devices <accountThingUID>'"
                    + " or the things in the UI."), console.lines, uid);
        }
    }

    @Test
    void deviceCommandsCompleteOnlyThingsWithADeviceHandler() {
        ConsoleCommandCompleter completer = command.getCompleter();
        assertNotNull(completer);

        List<String> none = new ArrayList<>();
        assertFalse(completer.complete(new String[] { "status", "dyson:" }, 1, 6, none));
        assertEquals(List.of(), none, "the purifier has no handler, the accounts are no devices");
    }
}
