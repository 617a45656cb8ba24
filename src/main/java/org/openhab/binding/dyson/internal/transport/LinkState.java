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

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The states of a {@link DeviceLink} and the transitions allowed between them. The table is the contract: the link
 * refuses (and logs) any other transition.
 *
 * <pre>
 * state              what the link does                              next states
 * IDLE               built, not started                              CONNECTING, CLOSED
 * CONNECTING         one connect cycle: transports in order           CONNECTED, BACKING_OFF, CLOSED
 * CONNECTED          a transport is up; watchdog, health timer        BACKING_OFF, PROBING_PREFERRED, CLOSED
 * PROBING_PREFERRED  on the fallback, connecting the preferred aside  CONNECTED, BACKING_OFF, CLOSED
 * BACKING_OFF        waiting for the back-off, probing reachability   CONNECTING, CLOSED
 * CLOSED             everything released; final                      -
 * </pre>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum LinkState {
    IDLE,
    CONNECTING,
    CONNECTED,
    PROBING_PREFERRED,
    BACKING_OFF,
    CLOSED;

    /** Whether the table allows going from this state to {@code next}. */
    public boolean allows(LinkState next) {
        return next(this).contains(next);
    }

    private static Set<LinkState> next(LinkState from) {
        return switch (from) {
            case IDLE -> EnumSet.of(CONNECTING, CLOSED);
            case CONNECTING -> EnumSet.of(CONNECTED, BACKING_OFF, CLOSED);
            case CONNECTED -> EnumSet.of(BACKING_OFF, PROBING_PREFERRED, CLOSED);
            case PROBING_PREFERRED -> EnumSet.of(CONNECTED, BACKING_OFF, CLOSED);
            case BACKING_OFF -> EnumSet.of(CONNECTING, CLOSED);
            case CLOSED -> EnumSet.noneOf(LinkState.class);
        };
    }
}
