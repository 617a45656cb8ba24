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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The figures of one soak run and its verdict.
 *
 * @param options what was run
 * @param ran how long commands and faults actually ran
 * @param startup from creating the things until all were ONLINE
 * @param sent commands sent
 * @param applied commands the device applied and the thing reported
 * @param refused commands the handler refused with a "not sent" log line
 * @param lost commands neither applied nor refused within the grace period
 * @param refusalLines all "not sent" lines of the device handler (may exceed {@code refused} if a line matched none)
 * @param lostDetails the first lost commands, described
 * @param applyTimes milliseconds from handleCommand to applied, sorted
 * @param recoveries the faults and their recovery
 * @param things per thing: serial, transport, offline episodes, back ONLINE, transport (re)connections
 * @param finalCheck whether every thing was ONLINE and reporting at the end
 * @param start heap and threads once all things were ONLINE
 * @param end heap and threads after the run, once connections had settled
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
record SoakResult(SoakOptions options, Duration ran, Duration startup, int sent, int applied, int refused, int lost,
        int refusalLines, List<String> lostDetails, List<Long> applyTimes, List<Recoveries.Outcome> recoveries,
        List<ThingFigures> things, Recoveries.Recovery finalCheck, JvmFigures start, JvmFigures end) {

    /** One thing's connection history during the run. */
    record ThingFigures(String serial, String root, String transport, int wentOffline, int backOnline,
            int reconnects, String finalStatus) {
    }

    /** What makes the run fail; empty when it passed. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lost > 0) {
            problems.add(lost + " command(s) lost");
        }
        if (sent != applied + refused + lost) {
            problems.add((sent - applied - refused - lost) + " command(s) not classified");
        }
        if (!finalCheck.recovered()) {
            problems.add("not recovered at the end: " + String.join(", ", finalCheck.notRecovered()));
        }
        if (end.connectionThreads() > start.connectionThreads()) {
            problems.add("connection threads grew from " + start.connectionThreads() + " to "
                    + end.connectionThreads());
        }
        // the binding's network pool is bounded and serves the devices' timers: its size is reported, not judged
        return problems;
    }

    boolean passed() {
        return problems().isEmpty();
    }

    int reconnects() {
        return things.stream().mapToInt(ThingFigures::reconnects).sum();
    }

    int offlineEpisodes() {
        return things.stream().mapToInt(ThingFigures::wentOffline).sum();
    }

    long faultsNotRecovered() {
        return recoveries.stream().filter(outcome -> !outcome.recovered()).count();
    }
}
