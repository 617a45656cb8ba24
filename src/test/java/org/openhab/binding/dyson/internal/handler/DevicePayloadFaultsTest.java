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
import static org.openhab.binding.dyson.internal.handler.FaultChecks.WAIT;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertDebugLine;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertNothingEscaped;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOnlineWithFreshState;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandReachesTheDevice;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.disposeLeavesNothing;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.threads;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.State;

/**
 * What a device (or something pretending to be one) may publish on its status topics that is not a valid message:
 * malformed JSON, binary garbage, 1 MiB, unknown keys and values of the wrong JSON type. One connected
 * {@link DysonDeviceHandler} takes them all in turn; after each it must still be ONLINE with the last good values,
 * and the next good message (the answer to a command) must be applied.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DevicePayloadFaultsTest {

    private static final String ROOT = "520";
    private static final int MIB = 1024 * 1024;
    private static final String NOT_PARSED = "Ignoring a message";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);
    private static @Nullable DeviceHarness device;
    private static List<String> threadsBefore = List.of();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @BeforeAll
    static void connect() throws Exception {
        threadsBefore = threads();
        DeviceHarness harness = HandlerTestWorld
                .device(ROOT, WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD), null, WORLD.settings()).start();
        device = harness;
        awaitOnlineWithFreshState(harness, WORLD.world(ROOT).device(), "fpwr");
        // the sensor data arrived too: the channels to compare are all there
        await().atMost(WAIT).until(() -> harness.state(DysonChannel.PM25) != null);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        DeviceHarness harness = device;
        if (harness != null) {
            disposeLeavesNothing(harness, threadsBefore);
        }
        WORLD.close();
    }

    /** A payload and the topic it goes to, and whether the binding must say it ignored it (a DEBUG line). */
    record Junk(Function<DeviceTopics, String> topic, byte[] payload, boolean unparsable) {
    }

    static Stream<Arguments> junk() {
        Function<DeviceTopics, String> current = DeviceTopics::current;
        Random random = new Random(8);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        byte[] bigGarbage = new byte[MIB];
        random.nextBytes(bigGarbage);
        String bigJson = "{\"msg\":\"STATE-CHANGE\",\"product-state\":{},\"padding\":\"" + "a".repeat(MIB) + "\"}";
        return Stream.of(
                junk("truncated JSON", current, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"fpwr\":\"OFF\"", true),
                junk("empty payload", current, "", true), //
                junk("a JSON array", current, "[\"CURRENT-STATE\",{\"fpwr\":\"OFF\"}]", true),
                junk("a JSON string", current, "\"CURRENT-STATE\"", true),
                junk("no msg", current, "{\"product-state\":{\"fpwr\":\"OFF\"}}", true),
                Arguments.of("binary garbage", new Junk(current, garbage, true)),
                Arguments.of("binary garbage on the faults topic",
                        new Junk(DeviceTopics::faults, garbage, true)),
                Arguments.of("binary garbage on the connection topic",
                        new Junk(DeviceTopics::connection, garbage, true)),
                Arguments.of("1 MiB of binary garbage", new Junk(current, bigGarbage, true)),
                junk("1 MiB of JSON with an unknown key", current, bigJson, false),
                junk("unknown keys", current, "{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"zzzz\":[\"OFF\",\"ON\"]},"
                        + "\"new-thing\":{\"a\":1},\"flag\":true}", false),
                junk("an unknown message type", current, "{\"msg\":\"SOMETHING-NEW\",\"data\":{\"pm25\":\"0999\"}}",
                        false),
                junk("msg of the wrong type", current, "{\"msg\":{\"type\":\"CURRENT-STATE\"},\"product-state\":"
                        + "{\"fpwr\":\"OFF\"}}", true),
                junk("product-state of the wrong type", current,
                        "{\"msg\":\"STATE-CHANGE\",\"product-state\":\"OFF\"}", false),
                junk("values of the wrong JSON type", current, "{\"msg\":\"STATE-CHANGE\",\"product-state\":"
                        + "{\"fpwr\":{\"on\":false},\"fnsp\":null,\"nmod\":[],\"sltm\":[[1]]}}", false),
                junk("numbers that are no numbers", current, "{\"msg\":\"STATE-CHANGE\",\"product-state\":"
                        + "{\"fnsp\":[\"0004\",true],\"sltm\":\"soon\",\"osal\":\"-\"}}", false),
                junk("sensor values of the wrong JSON type", current,
                        "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"data\":{\"pm25\":{\"v\":1},\"tact\":[],"
                                + "\"hact\":null}}", false),
                junk("faults of the wrong JSON type", DeviceTopics::faults,
                        "{\"msg\":\"CURRENT-FAULTS\",\"product-errors\":[\"amf1\"],\"product-warnings\":7}", false));
    }

    private static Arguments junk(String name, Function<DeviceTopics, String> topic, String json,
            boolean unparsable) {
        return Arguments.of(name, new Junk(topic, json.getBytes(StandardCharsets.UTF_8), unparsable));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("junk")
    void junkChangesNothingAndTheNextGoodMessageIsApplied(String name, Junk junk) throws Exception {
        DeviceHarness harness = DeviceHarness.nonNull(device);
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        Map<String, State> before = new HashMap<>(harness.states);
        int statuses = harness.statuses.size();

        simulator.publishRaw(junk.topic().apply(simulator.topics()), junk.payload());
        // the answer to a command arrives after the junk (one session, QoS 1, in order): a fence and a good message
        commandReachesTheDevice(harness, simulator);

        assertEquals(ThingStatus.ONLINE, harness.status());
        List<ThingStatusInfo> since = harness.statuses.subList(statuses, harness.statuses.size());
        assertEquals(List.of(), since.stream().filter(info -> info.getStatus() != ThingStatus.ONLINE).toList(),
                "never OFFLINE");
        Map<String, State> after = new HashMap<>(harness.states);
        after.remove(DysonChannel.NIGHT_MODE.uidSuffix());
        before.remove(DysonChannel.NIGHT_MODE.uidSuffix());
        assertEquals(before, after, "the last good values stay");
        if (junk.unparsable()) {
            assertDebugLine(logs, NOT_PARSED);
        }
        assertNothingEscaped(logs);
    }
}
