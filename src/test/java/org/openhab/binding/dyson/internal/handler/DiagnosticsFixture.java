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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.console.DysonConsoleCommandExtension;
import org.openhab.binding.dyson.internal.diagnostics.DeviceDiagnostics;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatus;

/**
 * The diagnostics tests' world: a simulated device (one world per test class) whose serial number looks real
 * ({@value #SERIAL}; its fake is {@value #FAKE_SERIAL}), reached locally with the sticker's Wi-Fi password, by a thing
 * whose id is the serial (as discovery makes it); the {@code dyson} console command on a mocked thing registry, printing into a mocked console
 * that records every line.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class DiagnosticsFixture implements AutoCloseable {

    static final String ROOT = "475";
    static final String SERIAL = "NK6-EU-MHA1234B";
    static final String FAKE_SERIAL = "AA0-EU-AAA0000A";

    final LoopbackWorld world;
    final ThingRegistry registry = mock(ThingRegistry.class);
    final DysonConsoleCommandExtension command = new DysonConsoleCommandExtension(registry);
    final Console console = mock(Console.class);
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> usages = new CopyOnWriteArrayList<>();
    private final List<Thing> things = new CopyOnWriteArrayList<>();
    private final List<DeviceHarness> harnesses = new ArrayList<>();

    /** The world of a test class (one per class: worlds of the same serial must not overlap). */
    static LoopbackWorld startWorld() throws Exception {
        return LoopbackWorld.start(ROOT, HandlerTestWorld.PASSWORD, SERIAL);
    }

    DiagnosticsFixture(LoopbackWorld world) {
        this.world = world;
        doAnswer(call -> lines.add(call.getArgument(0))).when(console).println(anyString());
        doAnswer(call -> lines.add(call.getArgument(0))).when(console).print(anyString());
        doAnswer(call -> usages.add(call.getArgument(0))).when(console).printUsage(anyString());
        when(registry.stream()).thenAnswer(call -> things.stream());
        when(registry.get(any())).thenAnswer(
                call -> things.stream().filter(thing -> thing.getUID().equals(call.getArgument(0))).findFirst()
                        .orElse(null));
    }

    /** The local configuration of the device: its sticker's Wi-Fi password, not the derived one. */
    Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", SERIAL);
        config.put("productType", ROOT);
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(world.broker().port()));
        config.put("wifiPassword", HandlerTestWorld.WIFI_PASSWORD);
        return config;
    }

    /** Starts the device thing (id = serial) and waits until it is ONLINE; the registry knows it. */
    DeviceHarness startDevice() {
        DeviceHarness harness = register(new DeviceHarness(ROOT, SERIAL, config(), null,
                HandlerTestWorld.settings(world.endpoint().port())));
        harness.start();
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);
        return harness;
    }

    /** Makes a thing known to the registry, to be disposed at the end. */
    DeviceHarness register(DeviceHarness harness) {
        harnesses.add(harness);
        things.add(harness.thing());
        return harness;
    }

    void run(String line) {
        lines.clear();
        command.execute(line.split(" "), console);
    }

    /** Runs a command on its own thread, as the console would; interrupt it to stop a listen or capture. */
    Thread runInBackground(String line) {
        lines.clear();
        Thread thread = new Thread(() -> command.execute(line.split(" "), console), "console");
        thread.start();
        return thread;
    }

    String text() {
        return String.join("\n", lines);
    }

    static DeviceDiagnostics diagnostics(DeviceHarness harness) {
        return DeviceHarness.nonNull(harness.handler.diagnostics());
    }

    static void awaitTapped(DeviceHarness harness) {
        await().atMost(WAIT).until(() -> diagnostics(harness).tap().isTapped());
    }

    static String uid(DeviceHarness harness) {
        return harness.thing().getUID().getAsString();
    }

    /** Disposes the things; the world stays for the next test. */
    @Override
    public void close() {
        harnesses.forEach(DeviceHarness::close);
    }
}
