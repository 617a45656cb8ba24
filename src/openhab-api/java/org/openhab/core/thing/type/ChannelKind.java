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
package org.openhab.core.thing.type;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's channel kinds: state channels and trigger channels.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum ChannelKind {
    STATE,
    TRIGGER;

    /**
     * Parses "state"/"trigger" (any case); {@code null} or empty means STATE.
     */
    public static ChannelKind parse(@Nullable String input) {
        if (input == null || input.isEmpty()) {
            return STATE;
        }
        return valueOf(input.toUpperCase(Locale.ROOT));
    }
}
