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
import static org.openhab.binding.dyson.internal.handler.BenchStats.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.device.Access;
import org.openhab.binding.dyson.internal.device.ChannelCatalogue;
import org.openhab.binding.dyson.internal.device.DeviceFamily;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParseException;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;

import com.google.gson.JsonParser;

/**
 * Parse + map throughput on the calling thread (one core): every device-to-client message of the capture corpus
 * through what {@link DysonDeviceHandler#onMessage} does (parse, apply to the device state, find the affected
 * channels, decode them and turn them into openHAB states), next to Gson parsing the same strings into a
 * {@code JsonObject} alone. Rounds of about a second, alternating, after a warm-up.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ParseBench {

    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int WARM_UP_ROUNDS = ThingBenchmark.QUICK ? 1 : 4;
    private static final int ROUNDS = ThingBenchmark.QUICK ? 1 : 7;

    private record Message(DeviceFamily family, DeviceState state, String payload) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final Map<DeviceFamily, Integer> perFamily = new TreeMap<>();
    private long sink;

    ParseBench() {
        for (Captures.CaptureFile file : Captures.all()) {
            ProductType type = ProductType.fromRootTopic(file.root());
            if (type == null) {
                continue;
            }
            DeviceState state = new DeviceState(file.toString());
            for (Captures.Line line : file.lines()) {
                if (line.fromDevice()) {
                    messages.add(new Message(type.family(), state, line.payload()));
                    perFamily.merge(type.family(), 1, Integer::sum);
                }
            }
        }
    }

    /** One markdown row. */
    String row() {
        List<Double> binding = new ArrayList<>();
        List<Double> gson = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            double b = rate(true);
            double g = rate(false);
            if (round >= WARM_UP_ROUNDS) {
                binding.add(b);
                gson.add(g);
            }
        }
        double b = median(binding);
        double g = median(gson);
        return f("| %d messages, %d families | %.0f | %.0f | %.0f %% | ≥ 50 %% |", messages.size(), perFamily.size(),
                b, g, 100 * b / g) + (sink == 42 ? " " : "");
    }

    String families() {
        return perFamily.toString();
    }

    private double rate(boolean throughBinding) {
        long start = System.nanoTime();
        long count = 0;
        long elapsed;
        do {
            for (Message message : messages) {
                if (throughBinding) {
                    sink += map(message);
                } else {
                    sink += JsonParser.parseString(message.payload()).getAsJsonObject().size();
                }
            }
            count += messages.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        return count * 1e9 / elapsed;
    }

    /** What the handler does with a message, minus the callback. */
    private static int map(Message message) {
        StateUpdate update;
        try {
            update = message.state().apply(MessageParser.parse(message.payload()));
        } catch (MessageParseException e) {
            return 1;
        }
        int hash = 0;
        for (DysonChannel channel : ChannelCatalogue.affectedBy(message.family(), update)) {
            if (channel.access() != Access.TRIGGER) {
                hash += System.identityHashCode(ChannelStates.toState(channel.decode(message.state())));
            }
        }
        return hash + update.events().size();
    }
}
