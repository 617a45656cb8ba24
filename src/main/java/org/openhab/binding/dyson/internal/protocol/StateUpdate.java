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
package org.openhab.binding.dyson.internal.protocol;

import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What one message changed in a {@link DeviceState}.
 *
 * @param type the message type
 * @param changedKeys product-state, sensor and attribute keys whose value is new or changed (e.g. {@code fpwr},
 *            {@code tact}, {@code rssi}); fault codes are not listed, see {@code faultsChanged}
 * @param faultsChanged whether any product fault changed state
 * @param events trigger payloads for the {@code status#events} channel, see {@link DeviceEvents}
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record StateUpdate(MessageType type, Set<String> changedKeys, boolean faultsChanged, List<String> events) {

    public StateUpdate {
        changedKeys = Set.copyOf(changedKeys);
        events = List.copyOf(events);
    }

    /** Whether the message changed nothing. */
    public boolean isEmpty() {
        return changedKeys.isEmpty() && !faultsChanged && events.isEmpty();
    }
}
