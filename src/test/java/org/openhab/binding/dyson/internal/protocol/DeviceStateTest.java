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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Tests {@link DeviceState}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceStateTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(DeviceState.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private static StateUpdate apply(DeviceState state, String json) throws MessageParseException {
        return state.apply(MessageParser.parse(json));
    }

    @Test
    void mergesStateChangesAndReportsChangedKeys() throws Exception {
        DeviceState state = new DeviceState("test");
        apply(state, "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-52\",\"product-state\":{\"fpwr\":\"OFF\",\"fnsp\":\"0004\"}}");
        StateUpdate update = apply(state,
                "{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"fpwr\":[\"OFF\",\"ON\"],\"fnsp\":[\"0004\",\"0004\"]}}");

        assertEquals(Set.of("fpwr"), update.changedKeys());
        assertEquals("ON", state.product("fpwr"));
        assertEquals("0004", state.product("fnsp"));
        assertEquals("-52", state.attribute("rssi"));
        assertTrue(state.isCurrentStateReceived());
        assertFalse(state.isSensorDataReceived());
    }

    @Test
    void keepsSensorDataApartFromProductState() throws Exception {
        DeviceState state = new DeviceState();
        apply(state, "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"data\":{\"tact\":\"2956\",\"sltm\":\"0028\"}}");
        assertEquals("2956", state.sensor("tact"));
        assertNull(state.product("tact"));
        assertEquals("0028", state.value("sltm"), "sltm falls back to the sensor data");
        apply(state, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"sltm\":\"OFF\"}}");
        assertEquals("OFF", state.value("sltm"), "product state wins");
        assertEquals(Set.of("tact", "sltm"), state.receivedKeys());
        assertTrue(state.hasKey("tact"));
    }

    @Test
    void tellsTheProductAndSensorKeysItDoesNotKnow() throws Exception {
        DeviceState state = new DeviceState();
        assertEquals(Set.of(), state.unknownKeys());
        apply(state, "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-52\",\"product-state\":{\"fpwr\":\"ON\",\"zzzz\":\"1\"}}");
        apply(state, "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"data\":{\"tact\":\"2956\",\"pm01\":\"2\"}}");
        apply(state, "{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"aaaa\":[\"1\",\"2\"]}}");

        assertEquals(List.of("aaaa", "pm01", "zzzz"), List.copyOf(state.unknownKeys()), "sorted, attributes not counted");
    }

    @Test
    void detectsProtocolGenerationFromKeys() throws Exception {
        DeviceState link = new DeviceState();
        assertEquals(ProtocolGeneration.UNKNOWN, link.generation());
        link.apply(MessageParser.parse(Captures.devicePayloads("438", "01-homebridge-dyson-link-i14-c364741305.jsonl")
                .stream().filter(p -> p.contains("CURRENT-STATE")).findFirst().orElseThrow()));
        assertEquals(ProtocolGeneration.LINK, link.generation(), "2018 TP04 firmware speaks Link");

        DeviceState hybrid = new DeviceState();
        for (String payload : Captures.devicePayloads("520", "03-ha-dyson-i19-d.jsonl")) {
            hybrid.apply(MessageParser.parse(payload));
        }
        assertEquals(ProtocolGeneration.NEWER, hybrid.generation(), "fpwr wins over qtar/filf");
    }

    @Test
    void raisesAndClearsFaultEvents() throws Exception {
        DeviceState state = new DeviceState();
        StateUpdate first = apply(state, "{\"msg\":\"CURRENT-FAULTS\",\"product-errors\":{\"amf1\":\"OK\","
                + "\"t&hs\":\"FAIL\"},\"product-warnings\":{\"fltr\":\"OK\",\"tnke\":\"OK\"},"
                + "\"module-warnings\":{\"srnk\":\"FAIL\"}}");
        assertEquals(List.of("FAULT_RAISED:t&hs"), first.events(), "module faults raise nothing");
        assertTrue(first.faultsChanged());
        assertEquals(List.of("t&hs"), state.activeProductFaults());

        StateUpdate same = apply(state, "{\"msg\":\"CURRENT-FAULTS\",\"product-errors\":{\"t&hs\":\"FAIL\"}}");
        assertTrue(same.events().isEmpty());
        assertFalse(same.faultsChanged());

        StateUpdate change = apply(state, "{\"msg\":\"FAULTS-CHANGE\",\"product-errors\":{\"t&hs\":[\"FAIL\",\"OK\"]},"
                + "\"product-warnings\":{\"tnke\":[\"OK\",\"FAIL\"],\"fltr\":[\"OK\",\"FAIL\"]}}");
        assertEquals(List.of("FAULT_CLEARED:t&hs", "FAULT_RAISED:tnke", "TANK_EMPTY", "FAULT_RAISED:fltr",
                "FILTER_REPLACE"), change.events());
        assertEquals(List.of("fltr", "tnke"), state.activeProductFaults());
        assertEquals("FAIL", state.fault(FaultCategory.MODULE_WARNINGS, "srnk"));
    }

    @Test
    void filterReplaceFiresOnceForWarningCodeAndFault() throws Exception {
        DeviceState state = new DeviceState();
        StateUpdate byCode = apply(state, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"wacd\":\"FLTR\"}}");
        assertEquals(List.of("FILTER_REPLACE"), byCode.events());
        StateUpdate byFault = apply(state, "{\"msg\":\"CURRENT-FAULTS\",\"product-warnings\":{\"fltr\":\"FAIL\"}}");
        assertEquals(List.of("FAULT_RAISED:fltr"), byFault.events());
        apply(state, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"wacd\":\"NONE\"}}");
        apply(state, "{\"msg\":\"CURRENT-FAULTS\",\"product-warnings\":{\"fltr\":\"OK\"}}");
        StateUpdate again = apply(state, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"wacd\":\"FLTR\"}}");
        assertEquals(List.of("FILTER_REPLACE"), again.events());
    }

    @Test
    void tracksConnectionMessages() throws Exception {
        DeviceState state = new DeviceState();
        assertTrue(state.isDevicePresent());
        apply(state, "{\"msg\":\"GONE-AWAY\"}");
        assertFalse(state.isDevicePresent());
        assertEquals(MessageType.GONE_AWAY, state.lastConnectionMessage());
        apply(state, "{\"msg\":\"IM-BACK\"}");
        assertTrue(state.isDevicePresent());
    }

    @Test
    void unknownKeysAndTypesAreLoggedOncePerDevice() throws Exception {
        DeviceState state = new DeviceState("AB1");
        for (int i = 0; i < 3; i++) {
            StateUpdate update = apply(state, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"zzzz\":\"" + i
                    + "\",\"fpwr\":\"ON\"}}");
            assertEquals(i == 0 ? Set.of("zzzz", "fpwr") : Set.of("zzzz"), update.changedKeys());
            StateUpdate unknown = apply(state, "{\"msg\":\"SOMETHING-NEW\",\"x\":\"1\"}");
            assertTrue(unknown.isEmpty());
        }
        List<String> debug = logs.list.stream().filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, debug.size(), debug.toString());
        assertTrue(debug.get(0).contains("zzzz") && debug.get(0).contains("AB1"));
        assertTrue(debug.get(1).contains("SOMETHING-NEW"));

        DeviceState other = new DeviceState("AB2");
        apply(other, "{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"zzzz\":\"1\"}}");
        assertEquals(3, logs.list.size(), "each device logs its own unknown keys once");
    }

    @Test
    void concurrentUpdatesAndReadsAreSafe() throws Exception {
        DeviceState state = new DeviceState();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        state.apply(MessageParser.parse("{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"k" + thread
                                + "\":[\"0\",\"" + i + "\"]}}"));
                        state.receivedKeys();
                        state.productState();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            assertEquals("499", state.product("k" + t));
        }
    }
}
