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
package org.openhab.binding.dyson.internal.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;

/**
 * Injects the faults of a soak, one at a time, chosen with the run's seeded {@link Random}: the kinds come in
 * shuffled rounds (every kind once per round, so even a short run sees each), devices and durations at random.
 * Each method returns when the fault is over; the caller then measures how long the things take to recover.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class FaultInjector {

    private final SoakWorld world;
    private final Random random;
    private final List<FaultKind> round = new ArrayList<>();
    private final AtomicReference<String> phase;

    /** @param phase set to a description of the fault while it is under way */
    FaultInjector(SoakWorld world, Random random, AtomicReference<String> phase) {
        this.world = world;
        this.random = random;
        this.phase = phase;
    }

    /** Injects the next fault of the current round and returns it once it has ended. */
    Fault injectNext() throws Exception {
        if (round.isEmpty()) {
            round.addAll(List.of(FaultKind.values()));
            Collections.shuffle(round, random);
        }
        FaultKind kind = round.remove(0);
        phase.set("during " + kind.label());
        return switch (kind) {
            case BROKER_RESTART -> restartBroker();
            case SESSION_EXPIRY -> expireCloudSessionsFault();
            case CONNECTION_DROP -> dropConnection();
            case SILENT_DEVICE -> silenceDevice();
            case CLOUD_ERRORS -> cloudErrors();
        };
    }

    /**
     * The broker goes down for 2-6 s and comes back on the same port: every thing loses its connection. The local
     * things' relays refuse connections meanwhile, as a device with its broker down does; the cloud things' relays
     * keep admitting, since the AWS IoT endpoint stand-in stays up (and closes sessions it cannot relay).
     */
    Fault restartBroker() throws Exception {
        Duration down = Duration.ofMillis(2000 + random.nextInt(4001));
        Instant start = Instant.now();
        List<SoakDevice> local = world.devices().stream().filter(device -> !device.isCloud()).toList();
        for (SoakDevice device : local) {
            device.relay().refuse(); // first: a device whose broker is down refuses connections at once
        }
        world.broker().stop();
        Thread.sleep(down.toMillis());
        world.broker().start();
        for (SoakDevice device : local) {
            device.relay().admit();
        }
        return new Fault(FaultKind.BROKER_RESTART, "down " + seconds(down), start, Instant.now(), world.devices());
    }

    private Fault expireCloudSessionsFault() {
        Instant start = Instant.now();
        expireCloudSessions();
        return new Fault(FaultKind.SESSION_EXPIRY, "all cloud sessions", start, Instant.now(), cloudDevices());
    }

    /** Ends every cloud session at once, as AWS IoT does when a session reaches its maximum duration. */
    void expireCloudSessions() {
        world.endpoint().dropSessions();
    }

    /** One random thing's connection is reset. */
    Fault dropConnection() {
        SoakDevice device = pick(world.devices());
        Instant start = Instant.now();
        device.relay().cut();
        return new Fault(FaultKind.CONNECTION_DROP, device.serial() + " (" + device.transport() + ")", start,
                Instant.now(), List.of(device));
    }

    /** One random device says nothing for 3-12 s, then handles what it was sent meanwhile. */
    Fault silenceDevice() throws InterruptedException {
        SoakDevice device = pick(world.devices());
        Duration silence = Duration.ofMillis(3000 + random.nextInt(9001));
        Instant start = Instant.now();
        device.simulator().goSilent();
        try {
            Thread.sleep(silence.toMillis());
        } finally {
            device.simulator().comeBack();
        }
        return new Fault(FaultKind.SILENT_DEVICE,
                device.serial() + " (" + device.transport() + ") for " + seconds(silence), start, Instant.now(),
                List.of(device));
    }

    /** The cloud API fails the next 1-3 IoT credential requests with 500, and one cloud thing has to reconnect. */
    Fault cloudErrors() {
        int errors = 1 + random.nextInt(3);
        SoakDevice device = pick(cloudDevices());
        Instant start = Instant.now();
        world.cloud().failNext(DysonCloudStandIn.PATH_IOT_CREDENTIALS, 500, errors);
        device.relay().cut();
        return new Fault(FaultKind.CLOUD_ERRORS, errors + " x 500 on IoT credentials, " + device.serial(), start,
                Instant.now(), List.of(device));
    }

    private List<SoakDevice> cloudDevices() {
        return world.devices().stream().filter(SoakDevice::isCloud).toList();
    }

    private SoakDevice pick(List<SoakDevice> devices) {
        return devices.get(random.nextInt(devices.size()));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
