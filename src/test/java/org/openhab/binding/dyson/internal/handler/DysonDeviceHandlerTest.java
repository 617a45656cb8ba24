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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.ThreadCounts;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@link DysonDeviceHandler} end to end through the real parts on 127.0.0.1: the device link and its transports, the
 * embedded broker, the AWS IoT endpoint stand-in, the simulated device and, under a bridge, a real
 * {@link DysonAccountHandler} logged in to the Dyson cloud stand-in. Only core's callback is a Mockito mock.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonDeviceHandlerTest {

    private static final String LINK = "475";
    private static final String NEWER = "520";
    private static final String NO_TEMPERATURE = "438M";
    private static final String SENSORS_OFF = "438E";

    private static final HandlerTestWorld WORLD = new HandlerTestWorld(NEWER);
    /** A second cloud whose account lists the Link device: each protocol generation goes over both transports. */
    private static final HandlerTestWorld LINK_CLOUD = new HandlerTestWorld(LINK);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private @Nullable DeviceHarness device;

    @AfterEach
    void disposeDevice() {
        DeviceHarness current = device;
        if (current != null) {
            current.close();
        }
    }

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
        LINK_CLOUD.close();
    }

    private DeviceHarness start(String root, Map<String, Object> config, HandlerTestWorld.@Nullable Account account,
            LinkSettings settings) {
        DeviceHarness harness = HandlerTestWorld.device(root, config, account, settings);
        device = harness;
        return harness.start();
    }

    private DeviceHarness startLocal(String root) throws Exception {
        return start(root, WORLD.localConfig(root, PASSWORD), null, WORLD.settings());
    }

    private static void awaitOnline(DeviceHarness harness) {
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);
    }

    private static void awaitState(DeviceHarness harness, DysonChannel channel, State expected) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, harness.state(channel), channel.uidSuffix()));
    }

    private static void awaitTransport(DeviceHarness harness, String kind, String reason) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(new StringType(kind), new StringType(reason)),
                Arrays.asList(harness.state(DysonChannel.TRANSPORT),
                        harness.state(DysonChannel.TRANSPORT_REASON))));
    }

    private static double number(@Nullable State state, Unit<?> unit) {
        QuantityType<?> quantity = assertInstanceOf(QuantityType.class, state);
        assertEquals(unit, quantity.getUnit());
        return quantity.doubleValue();
    }

    /** Sends a command and returns the data of the STATE-SET the simulator received for it. */
    private static JsonObject commandAndReceivedData(DeviceHarness harness, DeviceSimulator simulator,
            DysonChannel channel, Command command) {
        long before = simulator.receivedCount("STATE-SET");
        harness.command(channel, command);
        await().atMost(WAIT).until(() -> simulator.receivedCount("STATE-SET") == before + 1);
        List<JsonObject> received = simulator.receivedMessages();
        JsonObject last = received.get(received.size() - 1);
        assertEquals("STATE-SET", last.get("msg").getAsString());
        assertEquals("LAPP", last.get("mode-reason").getAsString());
        assertTrue(last.get("time").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                last.toString());
        return last.getAsJsonObject("data");
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** A fence: a refresh sent after {@code action} arrives, so anything {@code action} published arrived before. */
    private static void refreshAndAwaitIt(DeviceHarness harness, DeviceSimulator simulator) {
        long before = simulator.receivedCount("REQUEST-CURRENT-STATE");
        harness.command(DysonChannel.POWER, RefreshType.REFRESH);
        await().atMost(WAIT).until(() -> simulator.receivedCount("REQUEST-CURRENT-STATE") > before);
    }

    // ---- local only, Link family

    @Test
    void linkDeviceGoesOnlineWithTheSimulatorsState() throws Exception {
        LoopbackWorld world = WORLD.world(LINK);
        DeviceHarness harness = startLocal(LINK);
        assertEquals(ThingStatus.UNKNOWN, harness.statuses.get(0).getStatus(), "initialize does not wait");
        awaitOnline(harness);
        awaitTransport(harness, "LOCAL", "local network");
        Map<String, String> product = world.device().productState();
        awaitState(harness, DysonChannel.POWER, OnOffType.from(!"OFF".equals(product.get("fmod"))));
        awaitState(harness, DysonChannel.NIGHT_MODE, OnOffType.from("ON".equals(product.get("nmod"))));
        awaitState(harness, DysonChannel.FAN_SPEED, fanSpeed(product.get("fnsp")));
        // the 475 seed's temperature and humidity sensors report FAIL
        awaitState(harness, DysonChannel.TEMPERATURE, UnDefType.UNDEF);
        awaitState(harness, DysonChannel.HUMIDITY, UnDefType.UNDEF);
        awaitState(harness, DysonChannel.DUST_INDEX, new QuantityType<>(4, Units.ONE));
        awaitState(harness, DysonChannel.FILTER_LIFE, new QuantityType<>(724, Units.HOUR));
        assertEquals(LINK, harness.thing().getProperties().get("productType"));
        assertEquals(world.device().topics().serial(),
                harness.thing().getProperties().get(Thing.PROPERTY_SERIAL_NUMBER));
    }

    private static State fanSpeed(@Nullable String wire) {
        return wire == null || "AUTO".equals(wire) ? UnDefType.UNDEF : new DecimalType(Integer.parseInt(wire));
    }

    @Test
    void linkCommandsRoundTrip() throws Exception {
        DeviceSimulator simulator = WORLD.world(LINK).device();
        DeviceHarness harness = startLocal(LINK);
        awaitOnline(harness);
        roundTrip(harness, simulator, DysonChannel.FAN_SPEED, new DecimalType(7), "{'fmod':'FAN','fnsp':'0007'}");
        roundTrip(harness, simulator, DysonChannel.POWER, OnOffType.OFF, "{'fmod':'OFF'}");
        roundTrip(harness, simulator, DysonChannel.SLEEP_TIMER, new QuantityType<>(30, Units.MINUTE),
                "{'sltm':'0030'}");
        roundTrip(harness, simulator, DysonChannel.AUTO_MODE, OnOffType.ON, "{'fmod':'AUTO'}");
        awaitState(harness, DysonChannel.POWER, OnOffType.ON);
    }

    /** Sends a command, checks the STATE-SET data the simulator received and that the channel then shows it. */
    private static void roundTrip(DeviceHarness harness, DeviceSimulator simulator, DysonChannel channel,
            Command command, String expectedData) {
        assertEquals(json(expectedData.replace('\'', '"')),
                commandAndReceivedData(harness, simulator, channel, command));
        awaitState(harness, channel, (State) command);
    }

    @Test
    void anUnknownProductTypeIsAConfigurationErrorNamingTheKnownOnes() throws Exception {
        Map<String, Object> config = WORLD.localConfig(LINK, PASSWORD);
        config.put("productType", "4755");
        DeviceHarness harness = start(LINK, config, null, WORLD.settings());
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.OFFLINE);
        ThingStatusInfo info = harness.statusInfo();
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, info.getStatusDetail());
        String description = String.valueOf(info.getDescription());
        assertTrue(description.startsWith("@text/offline.device.unknown-product-type"), description);
        assertTrue(description.contains("475, ") && description.contains("438K"), description);
    }

    @Test
    void theProductTypeIsTakenInAnyCase() throws Exception {
        String root = "438E";
        Map<String, Object> config = WORLD.localConfig(root, PASSWORD);
        config.put("productType", root.toLowerCase(Locale.ROOT));
        DeviceHarness harness = start(root, config, null, WORLD.settings());
        awaitOnline(harness);
        assertEquals(root, harness.thing().getProperties().get(DysonBindingConstants.PROPERTY_PRODUCT_TYPE));
    }

    @Test
    void aWrongLocalPasswordTakesTheThingOfflineWithTheReason() throws Exception {
        DeviceHarness harness = start(LINK, WORLD.localConfig(LINK, "not-the-password"), null, WORLD.settings());
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.OFFLINE);
        ThingStatusInfo info = harness.statusInfo();
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, info.getStatusDetail());
        assertTrue(String.valueOf(info.getDescription()).contains("local broker refused: bad credentials"),
                String.valueOf(info.getDescription()));
        awaitTransport(harness, "NONE", "local broker refused: bad credentials");
    }

    @Test
    void goneAwayGoesOfflineAndImBackOnline() throws Exception {
        DeviceSimulator simulator = WORLD.world(LINK).device();
        DeviceHarness harness = startLocal(LINK);
        awaitOnline(harness);
        simulator.goneAway();
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.OFFLINE);
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, harness.statusInfo().getStatusDetail());
        assertTrue(String.valueOf(harness.statusInfo().getDescription()).contains("GONE-AWAY"));
        simulator.imBack();
        awaitOnline(harness);
        simulator.goodbye();
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.OFFLINE);
        refreshAndAwaitIt(harness, simulator);
        awaitOnline(harness);
    }

    @Test
    void refreshSendsTheRequestsOnceForABurst() throws Exception {
        DeviceSimulator simulator = WORLD.world(LINK).device();
        DeviceHarness harness = startLocal(LINK);
        awaitOnline(harness);
        awaitState(harness, DysonChannel.NIGHT_MODE, OnOffType.from("ON".equals(simulator.productState().get("nmod"))));
        await().atMost(WAIT).until(() -> harness.state(DysonChannel.DUST_INDEX) != null); // connect requests answered
        long states = simulator.receivedCount("REQUEST-CURRENT-STATE");
        long environment = simulator.receivedCount("REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA");
        harness.states.clear();
        // core refreshes every linked channel after initialisation
        for (Channel channel : harness.thing().getChannels()) {
            harness.handler.handleCommand(channel.getUID(), RefreshType.REFRESH);
        }
        assertNotNull(harness.state(DysonChannel.NIGHT_MODE), "answered from the known state at once");
        assertNull(harness.state(DysonChannel.TRANSPORT), "the transport channel is not a device value");
        OnOffType night = OnOffType.from(!"ON".equals(simulator.productState().get("nmod")));
        commandAndReceivedData(harness, simulator, DysonChannel.NIGHT_MODE, night); // a fence behind the requests
        assertEquals(states + 1, simulator.receivedCount("REQUEST-CURRENT-STATE"));
        assertEquals(environment + 1, simulator.receivedCount("REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA"));
        awaitState(harness, DysonChannel.NIGHT_MODE, night);
    }

    @Test
    void theStickerWifiPasswordOpensTheLocalBroker() throws Exception {
        Map<String, Object> config = WORLD.localConfig(LINK, "");
        config.put("wifiPassword", HandlerTestWorld.WIFI_PASSWORD);
        DeviceHarness harness = start(LINK, config, null, WORLD.settings());
        awaitOnline(harness);
        awaitTransport(harness, "LOCAL", "local network");
    }

    // ---- local only, newer families

    @Test
    void newerDeviceStateMatchesTheSeed() throws Exception {
        LoopbackWorld world = WORLD.world(NEWER);
        DeviceHarness harness = startLocal(NEWER);
        awaitOnline(harness);
        awaitTransport(harness, "LOCAL", "local network");
        JsonObject sensors = DeviceSimulator.seed(NEWER).getAsJsonObject("environment").getAsJsonObject("data");
        await().atMost(WAIT).until(() -> harness.state(DysonChannel.PM10) != null);
        // tact is kelvin × 10, hact percent, p25r µg/m³
        assertEquals(Integer.parseInt(sensors.get("tact").getAsString()) / 10.0 - 273.15,
                number(harness.state(DysonChannel.TEMPERATURE), SIUnits.CELSIUS), 0.001);
        assertEquals(Integer.parseInt(sensors.get("hact").getAsString()),
                number(harness.state(DysonChannel.HUMIDITY), Units.PERCENT), 0.001);
        assertEquals(Integer.parseInt(sensors.get("p25r").getAsString()),
                number(harness.state(DysonChannel.PM25), Units.MICROGRAM_PER_CUBICMETRE), 0.001);
        Map<String, String> product = world.device().productState();
        awaitState(harness, DysonChannel.POWER, OnOffType.from("ON".equals(product.get("fpwr"))));
        awaitState(harness, DysonChannel.FAN_SPEED, fanSpeed(product.get("fnsp")));
        awaitState(harness, DysonChannel.LOWER_ANGLE,
                new QuantityType<>(Integer.parseInt(product.get("osal")), Units.DEGREE_ANGLE));
        assertNotNull(harness.thing().getChannel(DysonChannel.TEMPERATURE.uidSuffix()), "a 520 keeps temperature");
    }

    @Test
    void newerCommandsRoundTrip() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        DeviceHarness harness = startLocal(NEWER);
        awaitOnline(harness);
        // the device leaves auto mode itself (§7 manual speed)
        roundTrip(harness, simulator, DysonChannel.FAN_SPEED, new DecimalType(7), "{'fpwr':'ON','fnsp':'0007'}");
        roundTrip(harness, simulator, DysonChannel.POWER, OnOffType.OFF, "{'fpwr':'OFF'}");
        roundTrip(harness, simulator, DysonChannel.SLEEP_TIMER, new QuantityType<>(30, Units.MINUTE),
                "{'sltm':'0030'}");
        roundTrip(harness, simulator, DysonChannel.SLEEP_TIMER, new QuantityType<>(0, Units.MINUTE),
                "{'sltm':'OFF'}");
        roundTrip(harness, simulator, DysonChannel.AUTO_MODE, OnOffType.ON, "{'auto':'ON'}");
        roundTrip(harness, simulator, DysonChannel.POWER, OnOffType.ON, "{'fpwr':'ON'}");
    }

    @Test
    void invalidCommandsPublishNothing() throws Exception {
        DeviceSimulator simulator = WORLD.world(NEWER).device();
        DeviceHarness harness = startLocal(NEWER);
        awaitOnline(harness);
        await().atMost(WAIT).until(() -> harness.state(DysonChannel.UPPER_ANGLE) != null);
        long before = simulator.receivedMessages().size();
        int upper = Integer.parseInt(simulator.productState().get("osau"));
        harness.command(DysonChannel.LOWER_ANGLE, new QuantityType<>(upper + 10, Units.DEGREE_ANGLE));
        harness.command(DysonChannel.TARGET_TEMPERATURE, new QuantityType<>(21, SIUnits.CELSIUS));
        harness.command(DysonChannel.FAN_SPEED, new StringType("fast"));
        harness.command(DysonChannel.TEMPERATURE, new QuantityType<>(21, SIUnits.CELSIUS));
        refreshAndAwaitIt(harness, simulator);
        List<String> since = simulator.receivedMessages().stream().skip(before)
                .map(message -> message.get("msg").getAsString()).toList();
        assertFalse(since.contains("STATE-SET"), since.toString());
        // a refusal is the user's input, not a fault: logged at DEBUG with its reason, never at WARN
        List<String> refusals = logs.lines().stream().filter(line -> line.contains(" refused: ")).toList();
        assertTrue(refusals.stream().anyMatch(line -> line.startsWith("DEBUG ")
                && line.contains(DysonChannel.LOWER_ANGLE.uidSuffix()) && line.contains("above upper angle")),
                refusals.toString());
        assertTrue(refusals.stream().allMatch(line -> line.startsWith("DEBUG ")), refusals.toString());
    }

    @Test
    void sensorsReportingOffAreUndefinedButKept() throws Exception {
        DeviceHarness harness = startLocal(SENSORS_OFF);
        awaitOnline(harness);
        // the 438E seed was captured while the sensors were off: tact, pm25, p25r ... are "OFF"
        for (DysonChannel channel : List.of(DysonChannel.TEMPERATURE, DysonChannel.HUMIDITY, DysonChannel.PM25,
                DysonChannel.NO2)) {
            awaitState(harness, channel, UnDefType.UNDEF);
        }
        // its formaldehyde sensor reports NONE (not fitted): pruning ran once that channel is gone
        await().atMost(WAIT).until(() -> harness.thing().getChannel(DysonChannel.HCHO.uidSuffix()) == null);
        for (DysonChannel channel : List.of(DysonChannel.TEMPERATURE, DysonChannel.PM25, DysonChannel.NO2)) {
            assertNotNull(harness.thing().getChannel(channel.uidSuffix()), "switched off is not missing: " + channel);
        }
    }

    @Test
    void channelsTheDeviceLacksAreRemoved() throws Exception {
        DeviceHarness harness = startLocal(NO_TEMPERATURE);
        awaitOnline(harness);
        await().atMost(WAIT).until(() -> !harness.updatedThings.isEmpty()
                && harness.thing().getChannel(DysonChannel.TEMPERATURE.uidSuffix()) == null);
        Thing updated = harness.updatedThings.get(harness.updatedThings.size() - 1);
        for (DysonChannel lacking : List.of(DysonChannel.TEMPERATURE, DysonChannel.HUMIDITY, DysonChannel.NO2,
                DysonChannel.VOC, DysonChannel.AIRFLOW_DIRECTION)) {
            assertNull(updated.getChannel(lacking.uidSuffix()), lacking.uidSuffix());
        }
        for (DysonChannel kept : List.of(DysonChannel.PM25, DysonChannel.PM10, DysonChannel.POWER,
                DysonChannel.TRANSPORT, DysonChannel.EVENTS)) {
            assertNotNull(updated.getChannel(kept.uidSuffix()), kept.uidSuffix());
        }
        JsonObject sensors = DeviceSimulator.seed(NO_TEMPERATURE).getAsJsonObject("environment")
                .getAsJsonObject("data");
        assertEquals(Integer.parseInt(sensors.get("p25r").getAsString()),
                number(harness.state(DysonChannel.PM25), Units.MICROGRAM_PER_CUBICMETRE), 0.001, "p25r is preferred");
    }

    // ---- under an account

    @Test
    void autoWithTheWssFlagGoesThroughTheCloud() throws Exception {
        LoopbackWorld world = WORLD.world(NEWER);
        HandlerTestWorld.Account account = WORLD.account("wss@example.com", WORLD.listedDevice("wss")).logIn();
        List<String> threadsBefore = pahoThreads();
        int tasksBefore = schedulerTasks();
        int upgrades = world.endpoint().upgradesAccepted();
        DeviceHarness harness = start(NEWER, WORLD.bridgedConfig(), account, WORLD.settings());
        awaitTransport(harness, "CLOUD", "account marks device as cloud (wss)");
        awaitOnline(harness);
        assertTrue(world.endpoint().upgradesAccepted() > upgrades, "through the AWS IoT stand-in");
        assertEquals(NEWER, harness.thing().getProperties().get("productType"));
        DeviceSimulator simulator = world.device();
        int speed = "0004".equals(simulator.productState().get("fnsp")) ? 5 : 4;
        assertEquals("000" + speed, commandAndReceivedData(harness, simulator, DysonChannel.FAN_SPEED,
                new DecimalType(speed)).get("fnsp").getAsString());
        awaitState(harness, DysonChannel.FAN_SPEED, new DecimalType(speed));
        assertTrue(pahoThreads().size() > threadsBefore.size(), "the cloud connection's threads run");
        harness.close();
        assertNothingLeftBehind(harness, threadsBefore, tasksBefore);
    }

    @Test
    void linkDeviceCommandsRoundTripThroughTheCloud() throws Exception {
        HandlerTestWorld.Account account = LINK_CLOUD.account("link-wss@example.com", LINK_CLOUD.listedDevice("wss"))
                .logIn();
        DeviceHarness harness = start(LINK, LINK_CLOUD.bridgedConfig(), account, LINK_CLOUD.settings());
        awaitTransport(harness, "CLOUD", "account marks device as cloud (wss)");
        awaitOnline(harness);
        DeviceSimulator simulator = LINK_CLOUD.world(LINK).device();
        roundTrip(harness, simulator, DysonChannel.FAN_SPEED, new DecimalType(6), "{'fmod':'FAN','fnsp':'0006'}");
        roundTrip(harness, simulator, DysonChannel.NIGHT_MODE, OnOffType.ON, "{'nmod':'ON'}");
    }

    @Test
    void autoWithoutTheWssFlagGoesLocalWithTheAccountsPassword() throws Exception {
        HandlerTestWorld.Account account = WORLD.account("local@example.com", WORLD.listedDevice(null)).logIn();
        DeviceHarness harness = start(NEWER, WORLD.bridgedConfig(), account, WORLD.settings());
        awaitTransport(harness, "LOCAL", "local network");
        awaitOnline(harness);
    }

    @Test
    void cloudEndpointDownFallsBackToLocal() throws Exception {
        LoopbackWorld world = WORLD.world(NEWER);
        HandlerTestWorld.Account account = WORLD.account("fallback@example.com", WORLD.listedDevice("wss")).logIn();
        try (AwsIotEndpointStandIn stopped = new AwsIotEndpointStandIn(world.authority(), world.broker().port())) {
            stopped.start();
            int port = stopped.port();
            stopped.stop();
            DeviceHarness harness = start(NEWER, WORLD.bridgedConfig(), account, HandlerTestWorld.settings(port));
            awaitTransport(harness, "LOCAL", "fallback: cloud endpoint unreachable");
            awaitOnline(harness);
        }
    }

    @Test
    void aDeviceWaitsForItsAccountToListIt() throws Exception {
        HandlerTestWorld.Account account = WORLD.account("late@example.com", WORLD.listedDevice("wss"));
        DeviceHarness harness = start(NEWER, WORLD.bridgedConfig(), account, WORLD.settings());
        await().atMost(WAIT).until(() -> harness.statusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE);
        account.logIn();
        awaitTransport(harness, "CLOUD", "account marks device as cloud (wss)");
        awaitOnline(harness);
    }

    @Test
    void aDeviceAddedToTheAccountLaterConnectsWithTheNextDeviceList() throws Exception {
        StandInDevice device = WORLD.listedDevice("wss");
        HandlerTestWorld.Account account = WORLD.account("added-later@example.com",
                StandInDevice.purifier("ZZ9-EU-ZZZ0000Z", "475", null, "TP02"));
        account.logIn();
        DeviceHarness harness = start(NEWER, WORLD.bridgedConfig(), account, WORLD.settings());
        await().atMost(WAIT).until(() -> harness.statusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE);

        account.cloud.addDevice(account.email, device);
        account.handler.refreshDevicesSoon();
        awaitTransport(harness, "CLOUD", "account marks device as cloud (wss)");
        awaitOnline(harness);
    }

    // ---- dispose

    @Test
    void disposeDuringAConnectLeavesNothingRunning() throws Exception {
        List<String> threadsBefore = pahoThreads();
        int tasksBefore = schedulerTasks();
        try (ServerSocket silent = new ServerSocket(0)) {
            Map<String, Object> config = WORLD.localConfig(LINK, PASSWORD);
            config.put("port", BigDecimal.valueOf(silent.getLocalPort()));
            DeviceHarness harness = start(LINK, config, null, WORLD.settings());
            await().atMost(WAIT).until(() -> pahoThreads().size() > threadsBefore.size());
            harness.close();
            assertNothingLeftBehind(harness, threadsBefore, tasksBefore);
        }
    }

    @Test
    void disposeAfterOnlineLeavesNothingRunning() throws Exception {
        List<String> threadsBefore = pahoThreads();
        int tasksBefore = schedulerTasks();
        DeviceHarness harness = startLocal(LINK);
        awaitOnline(harness);
        harness.close();
        WORLD.world(LINK).device().hello();
        assertNothingLeftBehind(harness, threadsBefore, tasksBefore);
    }

    @Test
    void disposeRightAfterInitializeLeavesNothingRunning() throws Exception {
        List<String> threadsBefore = pahoThreads();
        int tasksBefore = schedulerTasks();
        for (int i = 0; i < 5; i++) {
            DeviceHarness harness = startLocal(LINK);
            harness.close();
            assertNothingLeftBehind(harness, threadsBefore, tasksBefore);
        }
    }

    private static void assertNothingLeftBehind(DeviceHarness harness, List<String> threadsBefore, int tasksBefore) {
        int calls = harness.callbackCalls();
        await().atMost(WAIT).untilAsserted(() -> assertEquals(threadsBefore, pahoThreads()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(tasksBefore, schedulerTasks()));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> harness.callbackCalls() == calls);
    }

    /** Paho's threads of the binding's connections (see {@link ThreadCounts}). */
    static List<String> pahoThreads() {
        return ThreadCounts.pahoNames();
    }

    /** Tasks waiting in openHAB's shared scheduler (polls, reconnects, probes). */
    static int schedulerTasks() {
        return ((ScheduledThreadPoolExecutor) ThreadPoolManager.getScheduledPool("thingHandler")).getQueue().size();
    }
}
