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
package org.openhab.binding.dyson.internal.handler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.action.DysonThingActions;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.types.State;

import com.google.gson.JsonObject;

/**
 * The rule actions of a device thing, as core hands them to a rule, against the simulated devices on the loopback
 * world: each action sends its STATE-SET (or requests), the simulated device's state changes and the channels follow;
 * what a device cannot do is refused with a log line and nothing is sent.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonThingActionsTest {

    private static final String NEWER = "520";
    private static final String LINK = "475";
    private static final String BIG_QUIET = "664";

    private static final HandlerTestWorld WORLD = new HandlerTestWorld(NEWER);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final List<DeviceHarness> devices = new ArrayList<>();

    @AfterEach
    void disposeDevices() {
        devices.forEach(DeviceHarness::close);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    private DeviceHarness startLocal(String root, String password) throws Exception {
        DeviceHarness harness = HandlerTestWorld.device(root, WORLD.localConfig(root, password), null,
                WORLD.settings());
        devices.add(harness);
        return harness.start();
    }

    private DeviceHarness online(String root) throws Exception {
        DeviceHarness harness = startLocal(root, PASSWORD);
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);
        return harness;
    }

    /** The actions as core makes them for a handler: one instance per service class the handler names. */
    private static DysonThingActions actionsOf(DeviceHarness harness) throws Exception {
        assertEquals(Set.of(DysonThingActions.class), Set.copyOf(harness.handler.getServices()));
        DysonThingActions actions = DysonThingActions.class.getDeclaredConstructor().newInstance();
        actions.setThingHandler(harness.handler);
        assertSame(harness.handler, actions.getThingHandler());
        return actions;
    }

    private static void awaitState(DeviceHarness harness, DysonChannel channel, State expected) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, harness.state(channel), channel.uidSuffix()));
    }

    private static void awaitProduct(DeviceSimulator simulator, String key, String value) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(value, simulator.productState().get(key), key));
    }

    private long stateSets(String root) throws Exception {
        return WORLD.world(root).device().receivedCount("STATE-SET");
    }

    /** A fence: a refresh sent after the action arrives, so anything the action published arrived before it. */
    private static void fence(DeviceSimulator simulator, DysonThingActions actions) {
        long before = simulator.receivedCount("REQUEST-CURRENT-STATE");
        assertTrue(actions.refresh());
        await().atMost(WAIT).until(() -> simulator.receivedCount("REQUEST-CURRENT-STATE") > before);
    }

    @Test
    void theActionsClassIsTheDysonScopeWithLabelledActionsReturningWhetherSent() {
        ThingActionsScope scope = DysonThingActions.class.getAnnotation(ThingActionsScope.class);
        assertEquals("dyson", scope.name());
        List<String> actions = new ArrayList<>();
        for (Method method : DysonThingActions.class.getDeclaredMethods()) {
            RuleAction rule = method.getAnnotation(RuleAction.class);
            if (rule == null) {
                continue;
            }
            actions.add(method.getName());
            assertTrue(rule.label().startsWith("@text/action.") && rule.description().startsWith("@text/action."),
                    method.getName());
            boolean capture = "capture".equals(method.getName());
            assertEquals(capture ? int.class : boolean.class, method.getReturnType(), method.getName());
            ActionOutput output = method.getAnnotation(ActionOutput.class);
            assertEquals("result", output.name(), "core's name for a single return value");
            assertEquals(capture ? "java.lang.Integer" : "java.lang.Boolean", output.type());
            for (var parameter : method.getParameters()) {
                ActionInput input = parameter.getAnnotation(ActionInput.class);
                assertEquals(parameter.getType().getName(), input.type(), method.getName());
                assertTrue(input.required() && input.label().startsWith("@text/action."), method.getName());
            }
        }
        assertEquals(Set.of("refresh", "resetFilter", "setOscillationWindow", "setSleepTimer", "capture"),
                Set.copyOf(actions));
    }

    @Test
    void refreshAsksTheDeviceNowAndTheChannelsShowWhatChangedMeanwhile() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        DeviceHarness harness = online(NEWER);
        DysonThingActions actions = actionsOf(harness);
        awaitState(harness, DysonChannel.NIGHT_MODE, OnOffType.from("ON".equals(simulator.productState().get("nmod"))));
        String night = "ON".equals(simulator.productState().get("nmod")) ? "OFF" : "ON";
        simulator.changeSilently("nmod", night); // the remote control, while the binding does not ask
        long requests = simulator.receivedCount("REQUEST-CURRENT-STATE");
        long environment = simulator.receivedCount("REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA");

        assertTrue(actions.refresh());

        awaitState(harness, DysonChannel.NIGHT_MODE, OnOffType.from("ON".equals(night)));
        assertEquals(requests + 1, simulator.receivedCount("REQUEST-CURRENT-STATE"));
        await().atMost(WAIT).until(
                () -> simulator.receivedCount("REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA") == environment + 1);
    }

    @Test
    void resetFilterStartsTheFilterLifeAgainOnANewerDevice() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        simulator.changeSilently("hflr", "0040");
        DeviceHarness harness = online(NEWER);
        awaitState(harness, DysonChannel.HEPA_LIFE, new QuantityType<>(40, Units.PERCENT));

        assertTrue(DysonThingActions.resetFilter(actionsOf(harness)), "the static form for DSL rules");

        awaitProduct(simulator, "hflr", "0100");
        awaitState(harness, DysonChannel.HEPA_LIFE, new QuantityType<>(100, Units.PERCENT));
        assertEquals("RSTF", lastData(simulator).get("rstf"));
    }

    @Test
    void resetFilterStartsTheFilterLifeAgainOnALinkDevice() throws Exception {
        DeviceSimulator simulator = WORLD.world(LINK).device();
        simulator.changeSilently("filf", "0724");
        DeviceHarness harness = online(LINK);
        awaitState(harness, DysonChannel.FILTER_LIFE, new QuantityType<>(724, Units.HOUR));

        assertTrue(actionsOf(harness).resetFilter());

        awaitProduct(simulator, "filf", "4300");
        awaitState(harness, DysonChannel.FILTER_LIFE, new QuantityType<>(4300, Units.HOUR));
    }

    @Test
    void theOscillationWindowSetsBothAnglesAndStartsTheSweep() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        simulator.changeSilently("oson", "OFF");
        DeviceHarness harness = online(NEWER);
        DysonThingActions actions = actionsOf(harness);

        assertTrue(actions.setOscillationWindow(45, 315));

        awaitState(harness, DysonChannel.LOWER_ANGLE, new QuantityType<>(45, Units.DEGREE_ANGLE));
        awaitState(harness, DysonChannel.UPPER_ANGLE, new QuantityType<>(315, Units.DEGREE_ANGLE));
        awaitState(harness, DysonChannel.OSCILLATION, OnOffType.ON);
        assertEquals(Map.of("osal", "0045", "osau", "0315", "ancp", "CUST", "oson", "ON"), lastData(simulator));

        // a window entirely beyond the current one, which one angle channel at a time could not reach
        assertTrue(DysonThingActions.setOscillationWindow(actions, 320, 355));
        awaitProduct(simulator, "osal", "0320");
        awaitProduct(simulator, "osau", "0355");
    }

    @Test
    void anOscillationWindowTheDeviceCannotTakeIsRefusedWithALogLineAndNotSent() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        DeviceHarness newer = online(NEWER);
        DysonThingActions actions = actionsOf(newer);
        long before = stateSets(NEWER);

        assertFalse(actions.setOscillationWindow(200, 100));
        assertFalse(actions.setOscillationWindow(100, 110));
        assertFalse(actions.setOscillationWindow(0, 360));
        fence(simulator, actions);
        assertEquals(before, stateSets(NEWER), "nothing was sent");
        assertTrue(logs.lines().contains("WARN " + DysonDeviceHandler.class.getName() + " Oscillation window 200°–100°"
                + " for " + newer.thing().getUID() + " refused: Lower angle 200° is above upper angle 100°"),
                String.join("\n", logs.lines()));

        for (String root : List.of(LINK, BIG_QUIET)) {
            DeviceHarness harness = online(root);
            long sets = stateSets(root);
            assertFalse(actionsOf(harness).setOscillationWindow(90, 270), root);
            fence(WORLD.world(root).device(), actionsOf(harness));
            assertEquals(sets, stateSets(root), root + ": nothing was sent");
            String refusal = "for " + harness.thing().getUID() + " refused: Oscillation window: this device has no"
                    + " oscillation angles";
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("WARN") && line.contains(refusal)),
                    root);
        }
    }

    @Test
    void theSleepTimerIsSetAndSwitchedOff() throws Exception {
        DeviceSimulator simulator = WORLD.world(LINK).device();
        DeviceHarness harness = online(LINK);
        DysonThingActions actions = actionsOf(harness);

        assertTrue(actions.setSleepTimer(44)); // in 15-minute steps like the channel

        awaitProduct(simulator, "sltm", "0045");
        awaitState(harness, DysonChannel.SLEEP_TIMER, new QuantityType<>(45, Units.MINUTE));
        assertTrue(DysonThingActions.setSleepTimer(actions, 0));
        awaitProduct(simulator, "sltm", "OFF");
        long before = stateSets(LINK);
        assertFalse(actions.setSleepTimer(541));
        assertFalse(actions.setSleepTimer(-15));
        fence(simulator, actions);
        assertEquals(before, stateSets(LINK), "nothing was sent");
        assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("WARN") && line.contains(
                "Sleep timer 541 min for " + harness.thing().getUID() + " refused: Sleep timer must be 0 (off) to 540")));
    }

    @Test
    void aDeviceThatIsNotConnectedSendsNothingAndSaysSo() throws Exception {
        DeviceHarness harness = startLocal(NEWER, "not-the-password");
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.OFFLINE);
        DysonThingActions actions = actionsOf(harness);

        assertFalse(actions.refresh());
        assertFalse(actions.resetFilter());
        assertFalse(actions.setOscillationWindow(90, 270));
        assertFalse(actions.setSleepTimer(30));

        String uid = harness.thing().getUID().getAsString();
        for (String what : List.of("Refresh of " + uid, "Filter reset for " + uid,
                "Oscillation window 90°–270° for " + uid, "Sleep timer 30 min for " + uid)) {
            assertTrue(logs.lines().contains("INFO " + DysonDeviceHandler.class.getName() + " " + what
                    + " not sent: the device is not connected"),
                    what + "\n" + String.join("\n", logs.lines()));
        }
    }

    @Test
    void actionsWithoutAHandlerOrOfAnotherBindingAreRefused() {
        DysonThingActions orphan = new DysonThingActions();
        assertFalse(orphan.refresh());
        assertFalse(orphan.setSleepTimer(30));
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Dyson action setSleepTimer not run")));

        ThingActions foreign = mock(ThingActions.class);
        assertThrows(IllegalArgumentException.class, () -> DysonThingActions.refresh(foreign));
        assertThrows(IllegalArgumentException.class, () -> DysonThingActions.setOscillationWindow(foreign, 90, 270));
    }

    @Test
    void captureWritesTheTrafficOfTheGivenSecondsAndNeverOverwrites(@TempDir Path folder)
            throws Exception {
        DeviceHarness harness = online(NEWER);
        DysonThingActions actions = actionsOf(harness);
        Path file = folder.resolve("capture.jsonl");

        CompletableFuture<Integer> written = CompletableFuture
                .supplyAsync(() -> DysonThingActions.capture(actions, 2, file.toString()));
        await().atMost(WAIT).until(() -> Files.exists(file));
        assertTrue(actions.setSleepTimer(30), "traffic during the capture");
        int count = written.get(30, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(file);
        assertTrue(count > 0, "the command's STATE-SET and the device's answer at least");
        assertEquals(count, lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.contains("STATE-SET")), String.join("\n", lines));
        // the redaction of serial numbers and secrets in captures: DiagnosticsSecretsTest (same captureTo)

        assertEquals(-1, actions.capture(1, file.toString()), "an existing file is never overwritten");
        assertEquals(-1, actions.capture(0, folder.resolve("other.jsonl").toString()), "at least 1 s");
        assertEquals(lines, Files.readAllLines(file));
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Dyson action capture not run")));
    }

    /** The data of the last STATE-SET the simulated device received. */
    private static Map<String, String> lastData(DeviceSimulator simulator) {
        List<JsonObject> received = simulator.receivedMessages().stream()
                .filter(message -> "STATE-SET".equals(message.get("msg").getAsString())).toList();
        JsonObject data = received.get(received.size() - 1).getAsJsonObject("data");
        Map<String, String> values = new LinkedHashMap<>();
        data.entrySet().forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
        return values;
    }

}
