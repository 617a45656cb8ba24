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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ThingStatus;

import com.google.gson.JsonObject;

/**
 * The "new model" notice of a device thing on the loopback world: a device whose account lists a product type the
 * binding does not know and which sends unknown state and sensor keys gets exactly one INFO line per start, however
 * many messages follow; a known device gets none.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class NewModelNoticeHandlerTest {

    private static final String UNKNOWN_ROOT = "438X";
    private static final String NOTICE = "is a model this binding does not fully know";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        started.add(part);
        return part;
    }

    private List<String> notices() {
        return logs.lines().stream().filter(line -> line.contains(NOTICE)).toList();
    }

    /** A 438E as a new model would look: another topic root, a product-state key and a sensor key of its own. */
    private static DeviceSimulator newModel() {
        JsonObject seed = DeviceSimulator.seed("438E").deepCopy();
        seed.getAsJsonObject("currentState").getAsJsonObject("product-state").addProperty("nwky", "0003");
        seed.getAsJsonObject("environment").getAsJsonObject("data").addProperty("pm01", "0002");
        return new DeviceSimulator(new DeviceTopics(UNKNOWN_ROOT, seed.get("serial").getAsString()), seed);
    }

    @Test
    void anUnknownModelIsNoticedOncePerStart() throws Exception {
        DeviceSimulator simulator = newModel();
        EmbeddedBroker broker = started(new EmbeddedBroker().addAccount(simulator.topics().serial(), PASSWORD).start());
        started(simulator).start(broker.port());
        DysonCloudStandIn cloud = started(DysonCloudStandIn.start(new IotAuthority()));
        var http = TestHttpClients.startTrustingTestCa();
        started(http::stop);
        String email = "new-model@example.com";
        cloud.addAccount(email, HandlerTestWorld.ACCOUNT_PASSWORD);
        cloud.addDevice(email, new StandInDevice(simulator.topics().serial(), "Office", "438", "X", "TP99",
                "Purifier of the future", "lecAndWifi", true, UNKNOWN_ROOT, null, PASSWORD, List.of()));
        HandlerTestWorld.Account account = started(new HandlerTestWorld.Account(email, cloud, http)).logIn();
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", simulator.topics().serial());
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(broker.port()));

        // the thing type of the closest family, as a user would add the device by hand
        DeviceHarness device = started(HandlerTestWorld.device("438E", config, account, HandlerTestWorld.settings(0)))
                .start();
        await().atMost(WAIT).until(() -> device.status() == ThingStatus.ONLINE);
        await().atMost(WAIT).until(() -> notices().size() == 1);
        String uid = device.thing().getUID().getAsString();
        assertEquals("INFO " + DysonDeviceHandler.class.getName() + " Dyson device " + uid + " " + NOTICE
                + ": product type '438X' is unknown; it sends state keys the binding does not know: nwky, pm01. To help"
                + " support it, capture its traffic while you use it in the MyDyson app, with 'openhab:dyson capture "
                + uid + " 300 <file>', and attach the file to an issue.", notices().get(0));

        // more messages: refreshes answered, a command and its state change
        for (int i = 0; i < 3; i++) {
            long before = simulator.receivedCount("REQUEST-CURRENT-STATE");
            assertTrue(device.handler.refreshNow());
            await().atMost(WAIT).until(() -> simulator.receivedCount("REQUEST-CURRENT-STATE") > before);
        }
        OnOffType night = OnOffType.from(!"ON".equals(simulator.productState().get("nmod")));
        device.command(DysonChannel.NIGHT_MODE, night);
        await().atMost(WAIT).until(() -> night.equals(device.state(DysonChannel.NIGHT_MODE)));
        assertEquals(1, notices().size(), "not repeated per message");

        // the next start notices it again, once
        device.handler.dispose();
        device.handler.initialize();
        await().atMost(WAIT).until(() -> notices().size() == 2);
        long before = simulator.receivedCount("REQUEST-CURRENT-STATE");
        assertTrue(device.handler.refreshNow());
        await().atMost(WAIT).until(() -> simulator.receivedCount("REQUEST-CURRENT-STATE") > before);
        assertEquals(2, notices().size());
    }

    @Test
    void aKnownModelIsNotNoticed() throws Exception {
        LoopbackWorld world = started(LoopbackWorld.start("520", PASSWORD));
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", world.device().topics().serial());
        config.put("productType", "520");
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(world.broker().port()));
        config.put("localPassword", PASSWORD);
        DeviceHarness device = started(HandlerTestWorld.device("520", config, null, HandlerTestWorld.settings(0)))
                .start();
        await().atMost(WAIT).until(() -> device.status() == ThingStatus.ONLINE);
        await().atMost(WAIT).until(() -> device.state(DysonChannel.PM10) != null); // state and sensor data are in
        long before = world.device().receivedCount("REQUEST-CURRENT-STATE");
        assertTrue(device.handler.refreshNow());
        await().atMost(WAIT).until(() -> world.device().receivedCount("REQUEST-CURRENT-STATE") > before);

        assertEquals(List.of(), notices());
    }
}
