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
package org.openhab.binding.dyson.internal.diagnostics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.transport.LinkObserver;
import org.openhab.binding.dyson.internal.transport.LinkState;
import org.openhab.binding.dyson.internal.transport.TransportKind;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Diagnostics of one device, fed by its link(s) as their {@link LinkObserver}: a {@link TrafficTap} on every message in
 * and out, the connection-quality figures ({@link #snapshot()}) and the last link transitions. It outlives the links
 * of a thing (the handler makes a new link when the account's data changes), so its counts cover all of them.
 * <p>
 * Every observer method returns at once: a message costs a few field updates, and a JSON parse only for a
 * {@code STATE-CHANGE} while a command waits for its confirmation, for a command going out ({@code STATE-SET}, a robot
 * vacuum's {@code START}, {@code PAUSE}, {@code RESUME}, {@code ABORT}), and for a message that carries
 * {@code rssi}. A {@code STATE-SET} is confirmed by the {@code STATE-CHANGE} that reports one of its values, a robot's
 * action by its next {@code STATE-CHANGE} to another state. Bounded memory: the transitions, pending commands and
 * reconnect times kept are capped.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceDiagnostics implements LinkObserver {

    /** How many link transitions are kept. */
    public static final int KEPT_TRANSITIONS = 20;
    /** A command not confirmed within this time is forgotten (the device need not answer every command). */
    static final Duration CONFIRMATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofHours(24);
    private static final int MAX_PENDING = 20;
    private static final int MAX_RECONNECTS = 10_000;
    /** A robot vacuum's commands, confirmed by the next STATE-CHANGE to another state (§8). */
    private static final Set<String> ROBOT_ACTIONS = Set.of("START", "PAUSE", "RESUME", "ABORT");

    private final Clock clock;
    private final Redactor redactor;
    private final TrafficTap tap = new TrafficTap();

    // guarded by this
    private LinkState linkState = LinkState.IDLE;
    private final Deque<LinkTransition> transitions = new ArrayDeque<>();
    private final Deque<Instant> reconnects = new ArrayDeque<>();
    private boolean connectedBefore;
    private @Nullable TransportReport transport;
    private long reports;
    private @Nullable Instant lastMessageReceived;
    private final MinuteCounter received = new MinuteCounter();
    private final MinuteCounter sent = new MinuteCounter();
    private final Deque<PendingCommand> pending = new ArrayDeque<>();
    private @Nullable Duration roundTrip;
    private @Nullable Instant roundTripConfirmed;
    private @Nullable Integer wifiSignal;

    public DeviceDiagnostics(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    public DeviceDiagnostics(Redactor redactor) {
        this(redactor, Clock.systemDefaultZone());
    }

    /** What every printed or saved text of this device goes through. */
    public Redactor redactor() {
        return redactor;
    }

    /** The tap on this device's messages. */
    public TrafficTap tap() {
        return tap;
    }

    /** The clock the figures use (the console formats times in its zone). */
    public Clock clock() {
        return clock;
    }

    // ---- what the link reports

    @Override
    public synchronized void transition(LinkState from, LinkState to, String reason) {
        Instant now = clock.instant();
        linkState = to;
        if (transitions.size() == KEPT_TRANSITIONS) {
            transitions.removeFirst();
        }
        transitions.addLast(new LinkTransition(now, from, to, reason));
        if (from == LinkState.CONNECTING && to == LinkState.CONNECTED) {
            if (connectedBefore) {
                if (reconnects.size() == MAX_RECONNECTS) {
                    reconnects.removeFirst();
                }
                reconnects.addLast(now);
            }
            connectedBefore = true;
        }
    }

    @Override
    public synchronized void transportReported(TransportKind kind, String reason) {
        reports++;
        transport = new TransportReport(reports, clock.instant(), kind, reason);
        notifyAll();
    }

    @Override
    public void messageIn(String topic, String payload) {
        Instant now = clock.instant();
        boolean confirmationWanted;
        synchronized (this) {
            lastMessageReceived = now;
            received.add(now);
            confirmationWanted = !pending.isEmpty();
        }
        if (tap.isTapped()) {
            tap.offer(new TrafficRecord(now, Direction.IN, topic, payload));
        }
        boolean stateChange = confirmationWanted && payload.contains("STATE-CHANGE");
        boolean signal = payload.contains("\"rssi\"");
        if (!stateChange && !signal) {
            return;
        }
        JsonObject message = parseObject(payload);
        if (message == null) {
            return;
        }
        if (signal) {
            Integer rssi = integer(message.get("rssi"));
            if (rssi != null) {
                synchronized (this) {
                    wifiSignal = rssi;
                }
            }
        }
        if (stateChange && "STATE-CHANGE".equals(string(message.get("msg")))) {
            if (message.get("product-state") instanceof JsonObject state) {
                confirm(state, string(message.get("mode-reason")), now);
            } else if (message.has("newstate")) {
                confirm(message, string(message.get("mode-reason")), now); // a robot's values are top-level
            }
        }
    }

    @Override
    public void messageOut(String topic, String payload) {
        Instant now = clock.instant();
        synchronized (this) {
            sent.add(now);
        }
        if (tap.isTapped()) {
            tap.offer(new TrafficRecord(now, Direction.OUT, topic, payload));
        }
        if (!payload.contains("STATE-SET") && ROBOT_ACTIONS.stream().noneMatch(payload::contains)) {
            return;
        }
        JsonObject message = parseObject(payload);
        String msg = message == null ? null : string(message.get("msg"));
        if (message == null || msg == null) {
            return;
        }
        boolean robotAction = ROBOT_ACTIONS.contains(msg);
        // a robot vacuum's STATE-SET may carry its values in "defaults" (§8)
        JsonElement data = message.has("data") ? message.get("data") : message.get("defaults");
        if (!robotAction && !("STATE-SET".equals(msg) && data instanceof JsonObject)) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        if (data instanceof JsonObject object && !robotAction) {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                String value = string(entry.getValue());
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
        }
        if (values.isEmpty() && !robotAction) {
            return;
        }
        synchronized (this) {
            expire(now);
            if (pending.size() == MAX_PENDING) {
                pending.removeFirst();
            }
            pending.addLast(new PendingCommand(now, values, string(message.get("mode-reason")), robotAction));
        }
    }

    /** The oldest waiting command that this STATE-CHANGE reports as done is confirmed; older ones are given up. */
    private synchronized void confirm(JsonObject state, @Nullable String modeReason, Instant now) {
        expire(now);
        PendingCommand confirmed = null;
        for (PendingCommand command : pending) {
            if (command.isConfirmedBy(state, modeReason)) {
                confirmed = command;
                break;
            }
        }
        if (confirmed == null) {
            return;
        }
        while (!pending.isEmpty() && pending.removeFirst() != confirmed) {
            // commands sent before the confirmed one had their chance
        }
        Duration took = Duration.between(confirmed.sent(), now);
        roundTrip = took.isNegative() ? Duration.ZERO : took;
        roundTripConfirmed = now;
    }

    private void expire(Instant now) {
        Iterator<PendingCommand> it = pending.iterator();
        while (it.hasNext()) {
            if (Duration.between(it.next().sent(), now).compareTo(CONFIRMATION_TIMEOUT) > 0) {
                it.remove();
            }
        }
    }

    // ---- what the console and the channels read

    /** The figures now. */
    public synchronized QualitySnapshot snapshot() {
        Instant now = clock.instant();
        while (!reconnects.isEmpty() && Duration.between(reconnects.peekFirst(), now).compareTo(DAY) > 0) {
            reconnects.removeFirst();
        }
        return new QualitySnapshot(now, linkState, transport, lastMessageReceived, roundTrip, roundTripConfirmed,
                reconnects.size(), received.lastHour(now), sent.lastHour(now), wifiSignal,
                List.copyOf(new ArrayList<>(transitions)));
    }

    /** How many transport reports there have been so far (for {@link #awaitTransportUp}). */
    public synchronized long transportReports() {
        return reports;
    }

    /**
     * Waits until a report after the {@code after}-th one says a transport is up, at most {@code timeout}.
     *
     * @return that report, or the last report after {@code after} (then not up) when the time ran out, or null when
     *         there was none
     */
    public synchronized @Nullable TransportReport awaitTransportUp(long after, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TransportReport current = transport;
            if (current != null && current.sequence() > after && current.isUp()) {
                return current;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return current != null && current.sequence() > after ? current : null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    // ---- JSON helpers (tolerant: diagnostics never fail on a strange message)

    private static @Nullable JsonObject parseObject(String payload) {
        try {
            return JsonParser.parseString(payload) instanceof JsonObject object ? object : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static @Nullable String string(@Nullable JsonElement element) {
        return element instanceof JsonPrimitive primitive ? primitive.getAsString() : null;
    }

    private static @Nullable Integer integer(@Nullable JsonElement element) {
        String text = string(element);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The new value of a STATE-CHANGE entry: element [1] of {@code [old, new]}, or the value itself. */
    private static @Nullable String newValue(@Nullable JsonElement element) {
        if (element instanceof JsonArray pair && !pair.isEmpty()) {
            return string(pair.get(pair.size() > 1 ? 1 : 0));
        }
        return string(element);
    }

    /** The old value of a STATE-CHANGE entry: element [0] of {@code [old, new]}, else null. */
    private static @Nullable String oldValue(@Nullable JsonElement element) {
        return element instanceof JsonArray pair && pair.size() > 1 ? string(pair.get(0)) : null;
    }

    /**
     * A STATE-SET waiting for the STATE-CHANGE that reports one of its values: as changed to it, or as set to it for
     * the reason the command gave (devices echo the command's {@code mode-reason}; a value that was already set does
     * not change).
     */
    private record PendingCommand(Instant sent, Map<String, String> values, @Nullable String modeReason,
            boolean newRobotState) {

        boolean isConfirmedBy(JsonObject state, @Nullable String changeReason) {
            if (newRobotState) {
                String before = string(state.get("oldstate"));
                String after = string(state.get("newstate"));
                return after != null && !after.equals(before);
            }
            boolean sameReason = modeReason != null && modeReason.equals(changeReason);
            for (Map.Entry<String, String> value : values.entrySet()) {
                JsonElement reported = state.get(value.getKey());
                if (value.getValue().equals(newValue(reported))
                        && (sameReason || !value.getValue().equals(oldValue(reported)))) {
                    return true;
                }
            }
            return false;
        }
    }
}
