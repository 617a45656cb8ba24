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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.transport.LinkState;

/**
 * The connection-quality figures of one device at one moment.
 *
 * @param time when the snapshot was taken
 * @param linkState the link's state after its last transition
 * @param transport what the link last reported (null before its first report)
 * @param lastMessageReceived when the last message from the device arrived (null: none yet)
 * @param roundTrip the time from sending the last confirmed command to the STATE-CHANGE that confirmed it
 * @param roundTripConfirmed when that confirmation arrived
 * @param reconnectsLastDay connections made again after an earlier one, in the last 24 hours
 * @param receivedLastHour messages from the device in the last hour
 * @param sentLastHour messages to the device in the last hour
 * @param wifiSignal the device's Wi-Fi signal in dBm as it last reported it ({@code rssi}), null if it never did
 * @param transitions the last link transitions, oldest first
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record QualitySnapshot(Instant time, LinkState linkState, @Nullable TransportReport transport,
        @Nullable Instant lastMessageReceived, @Nullable Duration roundTrip, @Nullable Instant roundTripConfirmed,
        int reconnectsLastDay, long receivedLastHour, long sentLastHour, @Nullable Integer wifiSignal,
        List<LinkTransition> transitions) {

    /** Messages both ways in the last hour. */
    public long messagesLastHour() {
        return receivedLastHour + sentLastHour;
    }
}
