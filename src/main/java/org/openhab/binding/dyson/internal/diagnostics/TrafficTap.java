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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A tap on one device's MQTT traffic: listeners attach a {@link TrafficSubscription}, a bounded queue that they drain
 * on their own thread, and detach it by closing it. Offering a message never blocks the thread it arrives on (Paho's
 * callback thread): a full queue drops the message and counts it. Without subscriptions a message costs one read of
 * an empty list.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TrafficTap {

    /** Queue size of a subscription unless told otherwise: minutes of a busy device's traffic. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final List<TrafficSubscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Attaches a new listener with a queue of {@code capacity} messages; close it to detach. */
    public TrafficSubscription attach(int capacity) {
        TrafficSubscription subscription = new TrafficSubscription(this, capacity);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Attaches a new listener with a queue of {@value #DEFAULT_CAPACITY} messages. */
    public TrafficSubscription attach() {
        return attach(DEFAULT_CAPACITY);
    }

    /** Whether any listener is attached (callers skip building records otherwise). */
    public boolean isTapped() {
        return !subscriptions.isEmpty();
    }

    /** How many listeners are attached. */
    public int listeners() {
        return subscriptions.size();
    }

    /** Hands a message to every listener; never blocks. */
    public void offer(TrafficRecord record) {
        for (TrafficSubscription subscription : subscriptions) {
            subscription.offer(record);
        }
    }

    void detach(TrafficSubscription subscription) {
        subscriptions.remove(subscription);
    }
}
