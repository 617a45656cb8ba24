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
package org.openhab.binding.dyson.internal.device;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Whether a channel shows state, takes commands, or both; {@link #TRIGGER} for trigger channels.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum Access {
    READ_ONLY("R"),
    READ_WRITE("RW"),
    WRITE_ONLY("W"),
    TRIGGER("Trigger");

    private final String shortText;

    Access(String shortText) {
        this.shortText = shortText;
    }

    /** As written in the README's Read/Write column. */
    public String shortText() {
        return shortText;
    }

    public boolean isWritable() {
        return this == READ_WRITE || this == WRITE_ONLY;
    }
}
