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
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Measures how long things take to recover: a thing has recovered when it is ONLINE and has reported a channel state
 * after the fault ended (so it is connected again, not just still marked ONLINE). The time of a fault is from its end
 * until its last affected thing recovered; the resolution is the poll interval plus the sensor drift interval (1 s).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class Recoveries {

    private static final long POLL_MILLIS = 100;

    /** How a group of things came back: after how long, and which did not (with their status). */
    record Recovery(Duration time, List<String> notRecovered) {
        boolean recovered() {
            return notRecovered.isEmpty();
        }

        /** This recovery, with every one of {@code devices} that is not ONLINE counted as not recovered too. */
        Recovery andOnline(Collection<SoakDevice> devices) {
            List<String> missing = new ArrayList<>(notRecovered);
            for (SoakDevice device : devices) {
                boolean listed = missing.stream().anyMatch(line -> line.startsWith(device.serial() + " "));
                if (!device.thing().isOnline() && !listed) {
                    missing.add(device.serial() + " (" + device.thing().status() + ")");
                }
            }
            return new Recovery(time, missing);
        }
    }

    /** One fault and what came of it. */
    record Outcome(Fault fault, Recovery recovery) {
        boolean recovered() {
            return recovery.recovered();
        }

        Duration time() {
            return recovery.time();
        }
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    /**
     * Waits until every affected thing has recovered from {@code fault}, at most {@code limit}; records the outcome.
     */
    Outcome await(Fault fault, Duration limit) throws InterruptedException {
        Outcome outcome = new Outcome(fault, awaitRecovery(fault.affected(), fault.end(), limit));
        outcomes.add(outcome);
        return outcome;
    }

    /** Waits until every device's thing is ONLINE with a state reported after {@code since}, at most {@code limit}. */
    static Recovery awaitRecovery(Collection<SoakDevice> devices, Instant since, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Map<String, Instant> recoveredAt = new HashMap<>();
        while (true) {
            for (SoakDevice device : devices) {
                if (!recoveredAt.containsKey(device.serial()) && device.thing().isOnline()
                        && device.thing().lastStateUpdate().isAfter(since)) {
                    recoveredAt.put(device.serial(), Instant.now());
                }
            }
            if (recoveredAt.size() == devices.size() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        Instant last = recoveredAt.values().stream().max(Instant::compareTo).orElse(Instant.now());
        List<String> missing = devices.stream().filter(device -> !recoveredAt.containsKey(device.serial()))
                .map(device -> describe(device, since)).toList();
        Duration time = missing.isEmpty() ? Duration.between(since, last) : limit;
        return new Recovery(time.isNegative() ? Duration.ZERO : time, missing);
    }

    /** Why a device counts as not recovered: the thing's status and last report, and whether the device is up. */
    private static String describe(SoakDevice device, Instant since) {
        Instant last = device.thing().lastStateUpdate();
        String report = last.isAfter(Instant.EPOCH)
                ? "last report " + Duration.between(last, since).toSeconds() + " s before the fault ended"
                : "never reported";
        String simulator = device.simulator().isSilent() ? "device silent"
                : device.simulator().isConnected() ? "device connected" : "device NOT connected";
        return device.serial() + " (" + device.thing().status() + ", " + report + ", " + simulator + ")";
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Recovery times per fault kind, sorted. */
    static Map<FaultKind, List<Duration>> timesByKind(List<Outcome> outcomes) {
        Map<FaultKind, List<Duration>> times = new EnumMap<>(FaultKind.class);
        for (Outcome outcome : outcomes) {
            times.computeIfAbsent(outcome.fault().kind(), kind -> new ArrayList<>()).add(outcome.time());
        }
        times.values().forEach(Collections::sort);
        return times;
    }

    /** All recovery times, sorted. */
    static List<Duration> allTimes(List<Outcome> outcomes) {
        List<Duration> times = new ArrayList<>();
        outcomes.forEach(outcome -> times.add(outcome.time()));
        Collections.sort(times);
        return times;
    }
}
