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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * The command load of a soak: {@link #sendOne()} picks a random device that has no command outstanding and sends it
 * a command through {@code handleCommand} that changes its state (another fan speed, or power the other way). Every
 * command ends in one class:
 * <ul>
 * <li><b>applied</b>: the simulated device's state shows the new value and the thing's channel reported it;</li>
 * <li><b>refused</b>: the handler logged a line with "not sent" naming the device and the channel
 * ({@link RefusalLog});</li>
 * <li><b>lost</b>: neither within the grace period.</li>
 * </ul>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class CommandLoad {

    /** At most this many lost commands are described in the report. */
    private static final int LOST_DETAILS = 20;

    /** One command on its way. */
    private static final class Pending {
        final SoakDevice device;
        final DysonChannel channel;
        final State expected;
        final Instant sent;
        final String context;
        volatile boolean reported;

        Pending(SoakDevice device, DysonChannel channel, State expected, String context) {
            this.device = device;
            this.channel = channel;
            this.expected = expected;
            this.context = context;
            this.sent = Instant.now();
        }

        String describe() {
            return String.format("%s %s -> %s sent %s (%s, %s)", device.serial(), channel.uidSuffix(), expected,
                    sent, device.transport(), context);
        }
    }

    private final List<SoakDevice> devices;
    private final Random random;
    private final Duration grace;
    private final Supplier<String> context;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final List<String> lostDetails = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> applyMillis = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param context describes the moment a command is sent (the fault under way), for the report of lost ones
     */
    CommandLoad(List<SoakDevice> devices, Random random, Duration grace, Supplier<String> context) {
        this.devices = List.copyOf(devices);
        this.random = random;
        this.grace = grace;
        this.context = context;
        for (SoakDevice device : devices) {
            device.thing().onState((channelId, state) -> onState(device, channelId, state));
        }
    }

    /** Sends one command to a random device without one outstanding; does nothing when all have one. */
    synchronized void sendOne() {
        List<SoakDevice> free = devices.stream().filter(device -> !pending.containsKey(device.serial())).toList();
        if (free.isEmpty()) {
            return;
        }
        SoakDevice device = free.get(random.nextInt(free.size()));
        if (random.nextBoolean()) {
            State now = SimulatorView.channelState(device.simulator(), DysonChannel.POWER);
            OnOffType power = OnOffType.ON.equals(now) ? OnOffType.OFF : OnOffType.ON;
            send(device, DysonChannel.POWER, power, power);
        } else {
            State now = SimulatorView.channelState(device.simulator(), DysonChannel.FAN_SPEED);
            int speed;
            do {
                speed = 1 + random.nextInt(10);
            } while (now.toString().equals(Integer.toString(speed)));
            DecimalType value = new DecimalType(BigDecimal.valueOf(speed));
            send(device, DysonChannel.FAN_SPEED, value, value);
        }
    }

    private void send(SoakDevice device, DysonChannel channel, Command command, State expected) {
        Pending waiting = new Pending(device, channel, expected, context.get());
        pending.put(device.serial(), waiting); // before the handler can log a refusal
        sent.incrementAndGet();
        device.thing().command(channel, command);
    }

    private void onState(SoakDevice device, String channelId, State state) {
        Pending current = pending.get(device.serial());
        if (current != null && current.channel.uidSuffix().equals(channelId)
                && current.expected.toString().equals(state.toString())) {
            current.reported = true;
        }
    }

    /** A refusal line from the handler: it names the serial and the channel. */
    void onRefusal(String line) {
        for (Pending current : pending.values()) {
            if (line.contains(current.device.serial()) && line.contains(current.channel.uidSuffix())
                    && pending.remove(current.device.serial(), current)) {
                refused.incrementAndGet();
            }
        }
    }

    /** Classifies what can be classified: applied when device and thing agree, lost after the grace period. */
    void check() {
        Instant now = Instant.now();
        for (Pending current : pending.values()) {
            if (current.reported && current.expected.toString()
                    .equals(SimulatorView.channelState(current.device.simulator(), current.channel).toString())) {
                if (pending.remove(current.device.serial(), current)) {
                    applied.incrementAndGet();
                    applyMillis.add(Duration.between(current.sent, now).toMillis());
                }
            } else if (Duration.between(current.sent, now).compareTo(grace) > 0
                    && pending.remove(current.device.serial(), current)) {
                lost.incrementAndGet();
                if (lostDetails.size() < LOST_DETAILS) {
                    lostDetails.add(current.describe() + (current.reported ? ", thing reported it"
                            : ", thing did not report it"));
                }
            }
        }
    }

    int outstanding() {
        return pending.size();
    }

    int sent() {
        return sent.get();
    }

    int applied() {
        return applied.get();
    }

    int refused() {
        return refused.get();
    }

    int lost() {
        return lost.get();
    }

    List<String> lostDetails() {
        return List.copyOf(lostDetails);
    }

    /** Milliseconds from handleCommand to "applied" (measured at the check interval), sorted. */
    List<Long> applyTimes() {
        List<Long> copy;
        synchronized (applyMillis) {
            copy = new ArrayList<>(applyMillis);
        }
        Collections.sort(copy);
        return copy;
    }
}
