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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What a {@link DeviceLink} reports to its owner (the device handler). Keep every method short.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface DeviceLinkListener {

    /**
     * A message from the device on {@code status/current}, {@code status/faults} or {@code status/connection},
     * from the active transport only. Runs on Paho's callback thread of that connection.
     */
    void onMessage(String topic, String payload);

    /**
     * The transport changed: {@code LOCAL} or {@code CLOUD} when connected (the reason says why this one, e.g.
     * "account marks device as cloud (wss)" or "fallback: cloud endpoint unreachable"), {@code NONE} when no
     * transport is up (the reason says what failed). A transport is reported only once the device answered over it
     * (and, after a connection that dropped before it was healthy, once it stayed up). Runs on the binding's
     * network threads.
     */
    void onTransportChanged(TransportKind kind, String reason);

    /**
     * The device said GONE-AWAY or GOODBYE: it is unreachable although the broker session is up. Runs on Paho's
     * callback thread.
     */
    void onDeviceOffline(String reason);

    /**
     * The device is reachable again (HELLO, IM-BACK or fresh state after a (re)connect or after
     * {@link #onDeviceOffline}). Runs on Paho's callback thread.
     */
    void onDeviceOnline();

    /**
     * A command that {@link DeviceLink#publish(String)} accepted did not reach the device: its connection was lost
     * and did not come back within {@link DeviceLink#RESEND_WITHIN}, or the link was closed.
     */
    void onCommandUndelivered(String json, String reason);
}
