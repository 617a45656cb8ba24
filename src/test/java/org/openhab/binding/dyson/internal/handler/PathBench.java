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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mockingDetails;
import static org.openhab.binding.dyson.internal.handler.BenchStats.f;
import static org.openhab.binding.dyson.internal.handler.BenchStats.median;
import static org.openhab.binding.dyson.internal.handler.BenchStats.percentile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.binding.dyson.internal.transport.RawPahoClient;
import org.openhab.binding.dyson.internal.transport.ThreadCounts;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.State;

/**
 * The whole path of one thing against raw Paho on the same broker, stand-ins and device: command to confirmed
 * channel state, and initialize to ONLINE with the first state. Rows are interleaved in blocks (thing, raw, thing,
 * raw, ...) after a warm-up, so that drift of the machine hits both sides alike.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class PathBench {

    private static final int WARM_UP_TRIPS = ThingBenchmark.QUICK ? 20 : 4000;
    private static final int BLOCKS = ThingBenchmark.QUICK ? 2 : 10;
    private static final int TRIPS_PER_BLOCK = 200;
    private static final int WARM_UP_STARTS = 2;
    private static final int STARTS = 8;
    private static final long TIMEOUT_SECONDS = 10;

    private static final int RAW_DEVICE = 1;

    private final BenchWorld world;
    private int speed = 1;
    private volatile long thingDeviceGot;
    private volatile long rawDeviceGot;
    private final List<Double> thingOut = new ArrayList<>();
    private final List<Double> rawOut = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    PathBench(BenchWorld world) {
        this.world = world;
    }

    /** The next fan speed 1..10, never the one set last (so every command changes the state). */
    private int nextSpeed() {
        speed = speed % 10 + 1;
        return speed;
    }

    private RawPahoClient raw(boolean cloud) throws Exception {
        // a second simulated device of its own, so that the two clients never share a message. It was a workaround
        // for Moquette 0.17's double release of a late PUBACK (now patched in the test sources, see
        // io.moquette.broker.MQTTConnection) and stays: it keeps the two measurements apart
        DeviceTopics topics = world.simulator(RAW_DEVICE).topics();
        return cloud
                ? RawPahoClient.cloud(topics, TestPki.IOT_ENDPOINT, world.endpoint.port(), world.authority,
                        TestPki.get().clientContext())
                : RawPahoClient.local(topics, world.broker.port(), HandlerTestWorld.PASSWORD);
    }

    /** One markdown row: command -> confirmed state, thing vs raw Paho. */
    String roundTrips(boolean cloud) throws Exception {
        world.simulator(0).onCommand(payload -> thingDeviceGot = System.nanoTime());
        world.simulator(RAW_DEVICE).onCommand(payload -> rawDeviceGot = System.nanoTime());
        DeviceHarness thing = world.thing(0, cloud).start();
        BlockingQueue<String> fanSpeeds = new LinkedBlockingQueue<>();
        String fanSpeedId = DysonChannel.FAN_SPEED.uidSuffix();
        doAnswer(call -> {
            ChannelUID uid = call.getArgument(0);
            if (fanSpeedId.equals(uid.getId())) {
                State state = call.getArgument(1);
                fanSpeeds.add(state.toString());
            }
            return null;
        }).when(thing.callback).stateUpdated(any(), any());
        try (RawPahoClient raw = raw(cloud)) {
            awaitOnline(thing);
            List<Double> thingTrips = new ArrayList<>();
            List<Double> rawTrips = new ArrayList<>();
            for (int i = 0; i < WARM_UP_TRIPS; i++) {
                thingTrip(thing, fanSpeeds);
                rawTrip(raw);
            }
            int callsBefore = mockingDetails(thing.callback).getInvocations().size();
            thingOut.clear();
            rawOut.clear();
            for (int block = 0; block < BLOCKS; block++) {
                for (int i = 0; i < TRIPS_PER_BLOCK; i++) {
                    thingTrips.add(thingTrip(thing, fanSpeeds));
                }
                for (int i = 0; i < TRIPS_PER_BLOCK; i++) {
                    rawTrips.add(rawTrip(raw));
                }
            }
            double callsPerTrip = (mockingDetails(thing.callback).getInvocations().size() - callsBefore)
                    / (double) thingTrips.size();
            notes.add(f("%s: command leg (until the simulated device has it) median %.3f ms thing, %.3f ms raw; "
                    + "state leg (back to the callback / raw client) %.3f ms thing, %.3f ms raw; %.1f callback calls "
                    + "per command, the Mockito callback costs %.1f µs per call", cloud ? "cloud" : "local",
                    median(thingOut), median(rawOut), median(thingTrips) - median(thingOut),
                    median(rawTrips) - median(rawOut), callsPerTrip, mockMicrosPerCall(thing)));
            double tm = median(thingTrips);
            double rm = median(rawTrips);
            double tp = percentile(thingTrips, 99);
            double rp = percentile(rawTrips, 99);
            return f("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.2f× | %.2f× | ≤ 1.10× |", cloud ? "cloud" : "local",
                    thingTrips.size(), tm, tp, rm, rp, tm / rm, tp / rp);
        } finally {
            thing.close();
            awaitNoPahoThreads();
        }
    }

    /** What one call of the Mockito callback costs (it records every invocation), on this thread. */
    private static double mockMicrosPerCall(DeviceHarness thing) {
        ChannelUID uid = thing.uid(DysonChannel.POWER);
        State state = new DecimalType(1);
        for (int i = 0; i < 20_000; i++) {
            thing.callback.stateUpdated(uid, state);
        }
        int calls = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            thing.callback.stateUpdated(uid, state);
        }
        double micros = (System.nanoTime() - start) / 1e3 / calls;
        clearInvocations(thing.callback);
        return micros;
    }

    private double thingTrip(DeviceHarness thing, BlockingQueue<String> fanSpeeds) throws InterruptedException {
        String expected = Integer.toString(nextSpeed());
        fanSpeeds.clear();
        long start = System.nanoTime();
        thing.command(DysonChannel.FAN_SPEED, new DecimalType(Integer.parseInt(expected)));
        long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String seen;
        while ((seen = fanSpeeds.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (expected.equals(seen)) {
                thingOut.add((thingDeviceGot - start) / 1e6);
                return (System.nanoTime() - start) / 1e6;
            }
        }
        throw new IllegalStateException("no fan speed " + expected + " from the thing");
    }

    private double rawTrip(RawPahoClient raw) throws Exception {
        long start = System.nanoTime();
        if (!raw.setFanSpeed(nextSpeed())) {
            throw new IllegalStateException("no STATE-CHANGE for raw Paho");
        }
        rawOut.add((rawDeviceGot - start) / 1e6);
        return (System.nanoTime() - start) / 1e6;
    }

    /** One markdown row: initialize -> ONLINE with the first state, thing vs raw Paho connect + first state. */
    String starts(boolean cloud) throws Exception {
        world.simulator(RAW_DEVICE);
        List<Double> thingStarts = new ArrayList<>();
        List<Double> rawStarts = new ArrayList<>();
        List<Double> rawConnects = new ArrayList<>();
        int iotCallsBefore = world.cloud.requestCount(DysonCloudStandIn.PATH_IOT_CREDENTIALS);
        for (int i = 0; i < WARM_UP_STARTS + STARTS; i++) {
            boolean measured = i >= WARM_UP_STARTS;
            if (measured && i == WARM_UP_STARTS) {
                iotCallsBefore = world.cloud.requestCount(DysonCloudStandIn.PATH_IOT_CREDENTIALS);
            }
            if (cloud) {
                world.renewAccount(); // a new account session: the start includes its IoT credentials call
            }
            DeviceHarness thing = world.thing(0, cloud);
            long start = System.nanoTime();
            thing.start();
            awaitOnline(thing);
            double took = (System.nanoTime() - start) / 1e6;
            thing.close();
            awaitNoPahoThreads();
            long rawStart = System.nanoTime();
            try (RawPahoClient raw = raw(cloud)) {
                double connected = (System.nanoTime() - rawStart) / 1e6;
                if (!raw.requestCurrentState()) {
                    throw new IllegalStateException("no CURRENT-STATE for raw Paho");
                }
                if (measured) {
                    thingStarts.add(took);
                    rawConnects.add(connected);
                    rawStarts.add((System.nanoTime() - rawStart) / 1e6);
                }
            }
        }
        int iotCalls = world.cloud.requestCount(DysonCloudStandIn.PATH_IOT_CREDENTIALS) - iotCallsBefore;
        return f("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %s |", cloud ? "cloud" : "local", STARTS,
                median(thingStarts), percentile(thingStarts, 90), median(rawStarts), median(rawConnects),
                (double) iotCalls / STARTS, cloud ? "≤ 1000" : "≤ 500");
    }

    static void awaitOnline(DeviceHarness thing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thing.status() != ThingStatus.ONLINE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ONLINE: " + thing.statusInfo());
            }
            Thread.sleep(1);
        }
    }

    static void awaitNoPahoThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ThreadCounts.paho() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Paho threads left: " + ThreadCounts.pahoNames());
            }
            Thread.sleep(10);
        }
    }
}
