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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * Heap and threads of this JVM at one moment: heap in use after garbage collection, all live threads, and the
 * threads of the binding's connections: Paho's {@code MQTT ...} threads (without the simulated devices', whose client
 * ids start with {@code sim-}), Paho's {@code WssSocketReceiver} (one per cloud connection) and the binding's network
 * pool ({@code dyson-network-}). The connection threads are also counted by kind (name without the client id).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
record JvmFigures(long heapBytes, int threads, int mqttThreads, int wssThreads, int networkThreads,
        Map<String, Integer> connectionThreadKinds) {

    private static final int STACK_FRAMES = 14;

    /** Takes the figures after asking for garbage collection a few times. */
    static JvmFigures take() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Set<Thread> live = Thread.getAllStackTraces().keySet();
        int mqtt = 0;
        int wss = 0;
        int network = 0;
        int all = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        for (Thread thread : live) {
            if (!thread.isAlive()) {
                continue;
            }
            all++;
            String name = thread.getName();
            if (name.startsWith("MQTT") && !name.contains("sim-")) {
                mqtt++;
                kinds.merge(name.replaceAll(":.*", ""), 1, Integer::sum);
            } else if (name.startsWith("WssSocketReceiver")) {
                wss++;
                kinds.merge(name, 1, Integer::sum);
            } else if (name.startsWith(NetworkWorkers.THREAD_NAME_PREFIX)) {
                network++;
            }
        }
        return new JvmFigures(heap, all, mqtt, wss, network, kinds);
    }

    /** The connection threads (Paho and WebSocket receiver) that belong to the binding. */
    int connectionThreads() {
        return mqttThreads + wssThreads;
    }

    String heapMegabytes() {
        return String.format("%.1f MB", heapBytes / 1048576.0);
    }

    /**
     * For each connection thread kind that grew since {@code start}: the stack of one such thread (top frames), and
     * the names of all of them cut short (a cloud client id is an access token).
     */
    List<String> stacksOfGrownKinds(JvmFigures start) {
        List<String> samples = new ArrayList<>();
        for (Map.Entry<String, Integer> kind : connectionThreadKinds.entrySet()) {
            if (kind.getValue() <= start.connectionThreadKinds().getOrDefault(kind.getKey(), 0)) {
                continue;
            }
            Thread.getAllStackTraces().entrySet().stream()
                    .filter(entry -> entry.getKey().getName().startsWith(kind.getKey())
                            && !entry.getKey().getName().contains("sim-"))
                    .findFirst().ifPresent(entry -> {
                        String name = entry.getKey().getName();
                        StringBuilder text = new StringBuilder(name.substring(0, Math.min(name.length(), 30)))
                                .append("... (").append(entry.getKey().getState()).append("):");
                        StackTraceElement[] frames = entry.getValue();
                        for (int i = 0; i < Math.min(STACK_FRAMES, frames.length); i++) {
                            text.append(System.lineSeparator()).append("    at ").append(frames[i]);
                        }
                        samples.add(text.toString());
                    });
        }
        for (Map.Entry<String, Integer> kind : connectionThreadKinds.entrySet()) {
            if (kind.getValue() > start.connectionThreadKinds().getOrDefault(kind.getKey(), 0)) {
                samples.add(kind.getKey() + " threads: " + Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName).filter(name -> name.startsWith(kind.getKey()) && !name.contains("sim-"))
                        .map(name -> name.substring(0, Math.min(name.length(), 24))).sorted().toList());
            }
        }
        return samples;
    }
}
