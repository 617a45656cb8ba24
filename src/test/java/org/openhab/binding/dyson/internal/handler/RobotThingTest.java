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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.protocol.RobotEvents;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.RobotBehaviour;
import org.openhab.binding.dyson.internal.testworld.RobotFault;
import org.openhab.binding.dyson.internal.testworld.RobotModel;
import org.openhab.binding.dyson.internal.testworld.RobotSimulator;
import org.openhab.binding.dyson.internal.testworld.RobotWorld;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.binding.dyson.internal.transport.TransportKind;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A robot vacuum thing end to end against the simulated robots of the test world, for each model over its local
 * MQTT 3.1 broker and through the AWS IoT stand-in under an account: ONLINE with the robot's state, the power mode of
 * the next clean set, a clean started, followed, paused, resumed, a fault raised and cleared with its events, a clean
 * aborted, a power mode of another model refused without anything reaching the robot, and back ONLINE by itself after
 * the robot's GOODBYE and after a dropped connection.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotThingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static @Nullable HttpClient http;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** What differs per model in this test: the thing's power modes before and after, one it lacks. */
    private record Expectation(DysonChannel powerMode, String initialMode, String newMode, String wireKey,
            String wireValue, String container, String foreignMode, String commandRoot) {
    }

    private static final Map<RobotModel, Expectation> EXPECTED = Map.of(RobotModel.EYE,
            new Expectation(DysonChannel.EYE_POWER_MODE, "FULL", "HALF", "defaultVacuumPowerMode", "halfPower", "data",
                    "BOOST", "N223"),
            RobotModel.HEURIST,
            new Expectation(DysonChannel.HEURIST_POWER_MODE, "HIGH", "MAX", "defaultVacuumPowerMode", "3",
                    "defaults", "HALF", "276"),
            RobotModel.VIS_NAV, new Expectation(DysonChannel.VIS_NAV_POWER_MODE, "AUTO", "QUICK",
                    "defaultCleaningStrategy", "quick", "defaults", "MAX", "277"));

    @BeforeAll
    static void startHttp() throws Exception {
        http = TestHttpClients.startTrustingTestCa();
    }

    @AfterAll
    static void stopHttp() throws Exception {
        HttpClient client = http;
        if (client != null) {
            client.stop();
        }
    }

    private static String email(RobotModel model) {
        return model.name().toLowerCase().replace('_', '-') + "@example.com";
    }

    static Stream<Arguments> robotsAndTransports() {
        return Stream.of(RobotModel.values()).flatMap(model -> Stream.of(Arguments.of(model, TransportKind.LOCAL),
                Arguments.of(model, TransportKind.CLOUD)));
    }

    @ParameterizedTest
    @MethodSource("robotsAndTransports")
    void aRobotIsWatchedAndControlled(RobotModel model, TransportKind transport) throws Exception {
        try (RobotWorld world = RobotWorld.start(model);
                DysonCloudStandIn cloud = DysonCloudStandIn.start(world.authority())) {
            cloud.addAccount(email(model), HandlerTestWorld.ACCOUNT_PASSWORD);
            cloud.addDevice(email(model), world.listedDevice());
            watchAndControl(model, transport, world, cloud);
        }
    }

    private void watchAndControl(RobotModel model, TransportKind transport, RobotWorld world,
            DysonCloudStandIn cloud) throws Exception {
        RobotSimulator robot = world.robot();
        Expectation expected = Objects.requireNonNull(EXPECTED.get(model));
        HandlerTestWorld.@Nullable Account account = null;
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", robot.serial());
        if (transport == TransportKind.LOCAL) {
            config.put("productType", model.type());
            config.put("hostname", "127.0.0.1");
            config.put("port", BigDecimal.valueOf(world.localPort()));
            config.put("localPassword", world.localPassword());
            config.put("transport", "local");
        } else {
            account = new HandlerTestWorld.Account(email(model), cloud, Objects.requireNonNull(http)).logIn();
            // the Vis Nav has no local password from the account: auto leaves the cloud as its only path
            config.put("transport", model == RobotModel.VIS_NAV ? "auto" : "cloud");
        }
        try (DeviceHarness thing = HandlerTestWorld.device(model.type(), config, account,
                HandlerTestWorld.settings(world.endpoint().port())).start()) {
            await().atMost(WAIT).until(() -> thing.status() == ThingStatus.ONLINE);
            assertEquals(new StringType(transport.name()), thing.state(DysonChannel.TRANSPORT));
            await().atMost(WAIT).until(() -> isState(thing, robot.state()));
            assertEquals(new StringType(expected.initialMode()), thing.state(expected.powerMode()));
            assertEquals(new StringType("NONE"), thing.state(DysonChannel.ROBOT_FAULTS));
            assertEquals(OnOffType.OFF, thing.state(DysonChannel.CLEANING));
            if (model != RobotModel.HEURIST) { // a docked Heurist leaves its battery out (matterbridge issue #13)
                assertNotNull(thing.state(DysonChannel.BATTERY_LEVEL));
            }
            if (model != RobotModel.EYE) { // the Eye reports no Wi-Fi signal
                assertTrue(thing.state(DysonChannel.RSSI) instanceof QuantityType<?> rssi && rssi.intValue() < 0);
            }

            // the power of the next clean
            thing.command(expected.powerMode(), new StringType(expected.newMode()));
            await().atMost(WAIT).until(
                    () -> new StringType(expected.newMode()).equals(thing.state(expected.powerMode())));
            JsonObject stateSet = lastCommand(robot, "STATE-SET");
            assertEquals(expected.wireValue(),
                    stateSet.getAsJsonObject(expected.container()).get(expected.wireKey()).getAsString());

            // a power mode of another model is refused here, and nothing reaches the robot
            int before = robot.receivedCommands().size();
            thing.command(expected.powerMode(), new StringType(expected.foreignMode()));
            thing.command(DysonChannel.ROBOT_COMMAND, new StringType("START"));
            await().atMost(WAIT).until(() -> isState(thing, RobotBehaviour.FULL_CLEAN_INITIATED));
            List<JsonObject> sent = robot.receivedCommands();
            assertEquals(List.of("START"), sent.subList(before, sent.size()).stream()
                    .map(command -> command.get("msg").getAsString()).filter(msg -> !msg.startsWith("REQUEST"))
                    .toList());
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("DEBUG ") && line.contains(
                    "refused: The " + model.productName().substring("Dyson ".length()) + " has no power mode '"
                            + expected.foreignMode() + "'")),
                    "a DEBUG line says why");
            assertEquals(OnOffType.ON, thing.state(DysonChannel.CLEANING));
            await().atMost(WAIT).until(() -> thing.events.contains(RobotEvents.CLEAN_STARTED));
            thing.command(DysonChannel.COMMAND_ROUND_TRIP, RefreshType.REFRESH); // START confirmed by the robot
            assertTrue(thing.state(DysonChannel.COMMAND_ROUND_TRIP) instanceof QuantityType<?>);

            // the clean goes on: position, duration and battery follow the robot
            assertTrue(robot.advanceUntil(RobotBehaviour.FULL_CLEAN_RUNNING, Duration.ofMinutes(2)));
            robot.advance(Duration.ofMinutes(3));
            await().atMost(WAIT).until(() -> isState(thing, robot.state()));
            String position = lastPublished(robot, "globalPosition");
            await().atMost(WAIT).until(() -> new StringType(position).equals(thing.state(DysonChannel.POSITION)));
            await().atMost(WAIT).until(() -> thing.state(DysonChannel.CLEAN_DURATION) instanceof QuantityType<?> q
                    && q.intValue() > 0);
            await().atMost(WAIT).until(() -> thing.state(DysonChannel.BATTERY_LEVEL) instanceof QuantityType<?> q
                    && q.intValue() < 100);

            // pause and resume: the command channel and the cleaning switch
            String moving = robot.state();
            thing.command(DysonChannel.ROBOT_COMMAND, new StringType("PAUSE"));
            await().atMost(WAIT).until(() -> isState(thing, RobotBehaviour.FULL_CLEAN_PAUSED));
            assertEquals(OnOffType.OFF, thing.state(DysonChannel.CLEANING));
            thing.command(DysonChannel.CLEANING, OnOffType.ON);
            await().atMost(WAIT).until(() -> isState(thing, moving));
            assertEquals("RESUME", lastCommand(robot, "RESUME").get("msg").getAsString());
            assertEquals(OnOffType.ON, thing.state(DysonChannel.CLEANING));

            // a fault comes and goes
            assertTrue(robot.injectFault(RobotFault.LIFTED));
            await().atMost(WAIT).until(() -> new StringType("LIFT 23.0.3").equals(
                    thing.state(DysonChannel.ROBOT_FAULTS)));
            await().atMost(WAIT).until(() -> thing.events.contains("FAULT_RAISED:23.0.3"));
            assertTrue(robot.clearFault());
            await().atMost(WAIT).until(() -> new StringType("NONE").equals(thing.state(DysonChannel.ROBOT_FAULTS)));
            await().atMost(WAIT).until(() -> thing.events.contains("FAULT_CLEARED:23.0.3"));
            await().atMost(WAIT).until(() -> isState(thing, robot.state()));

            // another clean, ended with the cleaning switch: the robot aborts it and heads home
            thing.command(DysonChannel.ROBOT_COMMAND, new StringType("START"));
            await().atMost(WAIT).until(() -> isState(thing, RobotBehaviour.FULL_CLEAN_INITIATED));
            thing.command(DysonChannel.CLEANING, OnOffType.OFF);
            await().atMost(WAIT).until(() -> isState(thing, RobotBehaviour.FULL_CLEAN_ABORTED));
            assertEquals("ABORT", lastCommand(robot, "ABORT").get("msg").getAsString());
            assertEquals(OnOffType.OFF, thing.state(DysonChannel.CLEANING));

            // the robot says GOODBYE: OFFLINE until it is heard again
            robot.goodbye();
            await().atMost(WAIT).until(() -> thing.status() == ThingStatus.OFFLINE);
            robot.advance(Duration.ofMinutes(1)); // on its way home it reports its state
            await().atMost(WAIT).until(() -> thing.status() == ThingStatus.ONLINE);

            // the connection drops (the broker behind the robot restarts): the thing recovers by itself
            int seen = thing.statuses.size();
            world.broker().restart();
            await().atMost(WAIT).until(() -> thing.statuses.subList(seen, thing.statuses.size()).stream()
                    .anyMatch(status -> status.getStatus() == ThingStatus.OFFLINE));
            await().atMost(WAIT).until(() -> thing.status() == ThingStatus.ONLINE);
            assertEquals(new StringType(transport.name()), thing.state(DysonChannel.TRANSPORT));
            thing.command(DysonChannel.ROBOT_COMMAND, new StringType("START"));
            await().atMost(WAIT).until(() -> isState(thing, RobotBehaviour.FULL_CLEAN_INITIATED));
        } finally {
            if (account != null) {
                account.close();
            }
        }
    }

    /** The last value of {@code key} the robot published, an {@code [x, y]} as {@code x,y}. */
    private static String lastPublished(RobotSimulator robot, String key) {
        List<JsonObject> published = robot.published();
        for (int i = published.size() - 1; i >= 0; i--) {
            JsonElement value = published.get(i).get(key);
            if (value instanceof JsonArray pair) {
                return pair.get(0).getAsInt() + "," + pair.get(1).getAsInt();
            } else if (value != null) {
                return value.getAsString();
            }
        }
        throw new AssertionError("the robot published no " + key);
    }

    private static boolean isState(DeviceHarness thing, String robotState) {
        State shown = thing.state(DysonChannel.ROBOT_STATE);
        return shown != null && robotState.equals(shown.toString());
    }

    /** The last command of this type the robot received (its MQTT client has handled it). */
    private static JsonObject lastCommand(RobotSimulator robot, String msg) {
        await().atMost(WAIT).until(() -> robot.receivedCommands().stream()
                .anyMatch(command -> msg.equals(command.get("msg").getAsString())));
        List<JsonObject> commands = robot.receivedCommands();
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (msg.equals(commands.get(i).get("msg").getAsString())) {
                return commands.get(i);
            }
        }
        throw new AssertionError("no " + msg);
    }
}
