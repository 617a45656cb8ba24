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

import static org.openhab.binding.dyson.internal.handler.BenchStats.f;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;

/**
 * Cloud thrift: Dyson API calls per cloud reconnect and per idle hour, MQTT messages per idle hour, counted at the
 * stand-ins (the cloud stand-in's request counts, the AWS IoT endpoint stand-in's admitted connects, the simulated
 * device's received commands, each of which it answers with one message) for one cloud thing. The idle period is one
 * full cycle of the cloud polling (three polls, the third with the faults) at the shortest cloud interval, 60 s, so
 * that the run stays short; the messages of that cycle are then scaled to an hour at the default interval (300 s:
 * twelve polls, four cycles). {@code PollScheduleTest} checks the cadence itself over an hour.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ThriftBench {

    /** The cloud interval of the measured cycle, and the default one it is scaled to. */
    static final int MEASURED_INTERVAL = 60;
    static final int DEFAULT_INTERVAL = 300;
    static final long IDLE_SECONDS = ThingBenchmark.QUICK ? 10 : 3 * MEASURED_INTERVAL + 15;
    private static final int RECONNECTS = 3;
    private static final List<String> API_PATHS = List.of(DysonCloudStandIn.PATH_PROVISIONING,
            DysonCloudStandIn.PATH_USER_STATUS, DysonCloudStandIn.PATH_REQUEST_CODE, DysonCloudStandIn.PATH_VERIFY,
            DysonCloudStandIn.PATH_MANIFEST, DysonCloudStandIn.PATH_IOT_CREDENTIALS);

    private final BenchWorld world;
    final List<String> notes = new ArrayList<>();

    ThriftBench(BenchWorld world) {
        this.world = world;
    }

    private Map<String, Integer> apiCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String path : API_PATHS) {
            counts.put(path, world.cloud.requestCount(path));
        }
        return counts;
    }

    private static int total(Map<String, Integer> before, Map<String, Integer> after) {
        return after.entrySet().stream().mapToInt(e -> e.getValue() - before.getOrDefault(e.getKey(), 0)).sum();
    }

    /** Markdown rows. */
    List<String> rows() throws Exception {
        world.renewAccount();
        DeviceSimulator device = world.simulator(BenchWorld.THRIFT_DEVICE);
        Map<String, Object> config = world.config(BenchWorld.THRIFT_DEVICE, true);
        config.put("cloudRefreshInterval", BigDecimal.valueOf(MEASURED_INTERVAL));
        DeviceHarness thing = HandlerTestWorld.device(BenchWorld.ROOT, config, world.account(), world.settings).start();
        List<String> rows = new ArrayList<>();
        try {
            PathBench.awaitOnline(thing);
            Thread.sleep(5000); // the requests after the connect are answered
            Map<String, Integer> apiBefore = apiCounts();
            int commandsBefore = device.receivedCommands().size();
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
            double hours = (System.nanoTime() - start) / 3.6e12;
            List<String> commands = device.receivedCommands();
            List<String> idleCommands = commands.subList(commandsBefore, commands.size());
            int apiIdle = total(apiBefore, apiCounts());
            int messages = 2 * idleCommands.size();
            Map<String, Integer> idleCounts = count(idleCommands);
            notes.add(f("idle window %d s with cloudRefreshInterval %d s: commands to the device %s", IDLE_SECONDS,
                    MEASURED_INTERVAL, idleCounts));
            rows.add(f("| Dyson API calls per idle hour | %d in %d s → %.0f per hour | — |", apiIdle, IDLE_SECONDS,
                    apiIdle / hours));
            // one cycle of three polls was measured; at the default interval a cycle takes three times 300 s
            int polls = idleCounts.getOrDefault("REQUEST-CURRENT-STATE", 0);
            double cyclesPerHour = 3600.0 / (3 * DEFAULT_INTERVAL);
            rows.add(f("| MQTT messages per idle hour over the cloud (PUBLISH both ways), default cloudRefreshInterval"
                    + " %d s | %d in one cycle of %d polls (%d s apart) → %.0f per hour | ≤ 60 |", DEFAULT_INTERVAL,
                    messages, polls, MEASURED_INTERVAL, messages * cyclesPerHour * 3 / Math.max(polls, 1)));

            Map<String, Integer> before = apiCounts();
            int admittedBefore = world.endpoint.connectsAdmitted();
            for (int i = 0; i < RECONNECTS; i++) {
                int admitted = world.endpoint.connectsAdmitted();
                int requests = device.receivedCommands().size();
                world.endpoint.dropSessions();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (world.endpoint.connectsAdmitted() <= admitted || device.receivedCommands().size() <= requests) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no cloud reconnect: " + thing.statusInfo());
                    }
                    Thread.sleep(10);
                }
                // the account reuses a device's IoT credentials for 10 s: space the drops wider than that
                Thread.sleep(11_000);
            }
            Map<String, Integer> after = apiCounts();
            int reconnects = world.endpoint.connectsAdmitted() - admittedBefore;
            int iot = after.get(DysonCloudStandIn.PATH_IOT_CREDENTIALS)
                    - before.get(DysonCloudStandIn.PATH_IOT_CREDENTIALS);
            rows.add(f("| Dyson API calls per cloud reconnect | %d calls (%d IoT credentials) for %d reconnects → "
                    + "%.2f | 1 |", total(before, after), iot, reconnects, (double) total(before, after) / reconnects));
        } finally {
            thing.close();
            world.closeAccount();
        }
        return rows;
    }

    private static Map<String, Integer> count(List<String> commands) {
        Map<String, Integer> counts = new TreeMap<>();
        commands.forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }
}
