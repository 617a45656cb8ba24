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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Counts live threads by name, to check that closed connections leave nothing behind.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ThreadCounts {

    private ThreadCounts() {
    }

    /** Paho's threads of the binding's connections (the simulators' client ids start with "sim-"). */
    static long paho() {
        return pahoNames().size();
    }

    /** The names of those threads. */
    static List<String> pahoNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> (name.startsWith("MQTT") || name.startsWith("WebSocketReceiver"))
                        && !name.contains("sim-"))
                .sorted().toList();
    }
}
