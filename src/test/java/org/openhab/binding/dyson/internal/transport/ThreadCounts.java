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
package org.openhab.binding.dyson.internal.transport;

import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * Counts live threads by name, to check that closed connections leave nothing behind. Two kinds are told apart:
 * <ul>
 * <li>connection threads: every thread Paho 1.2.5 starts for a client (names as in its jar: {@code MQTT Con:},
 * {@code MQTT Rec:}, {@code MQTT Snd:}, {@code MQTT Call:}, {@code MQTT Disc:}, the ping and reconnect timers
 * {@code MQTT Ping:} and {@code MQTT Reconnect:}, and the WebSocket receivers {@code WssSocketReceiver} and
 * {@code webSocketReceiver}); these must be gone once a connection is closed. The simulators' clients (client ids
 * starting with "sim-") are left out; they connect over plain TCP, so no WebSocket receiver is theirs.</li>
 * <li>pool threads: the binding's {@link NetworkWorkers}, which legitimately live up to 30 s without work.</li>
 * </ul>
 * Leak checks use the connection threads.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ThreadCounts {

    /** How Paho 1.2.5 names the threads it starts (the MQTT ones end with the client id). */
    public static final List<String> PAHO_PREFIXES = List.of("MQTT Con: ", "MQTT Rec: ", "MQTT Snd: ",
            "MQTT Call: ", "MQTT Disc: ", "MQTT Ping: ", "MQTT Reconnect: ", "WssSocketReceiver", "webSocketReceiver");
    private static final String SIMULATOR_CLIENT = ": sim-";

    private ThreadCounts() {
    }

    /** Paho's threads of the binding's connections. */
    public static long paho() {
        return pahoNames().size();
    }

    /** The names of those threads, sorted. */
    public static List<String> pahoNames() {
        return liveNames(ThreadCounts::isPahoConnectionThread);
    }

    /** The binding's network pool threads (they may idle up to 30 s, so not for leak checks right after a close). */
    public static long pool() {
        return poolNames().size();
    }

    /** The names of those threads, sorted. */
    public static List<String> poolNames() {
        return liveNames(name -> name.startsWith(NetworkWorkers.THREAD_NAME_PREFIX));
    }

    public static boolean isPahoConnectionThread(String name) {
        return PAHO_PREFIXES.stream().anyMatch(name::startsWith) && !name.contains(SIMULATOR_CLIENT);
    }

    private static List<String> liveNames(Predicate<String> filter) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(filter).sorted().toList();
    }
}
