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
 * openHAB item types of the channels, as plain strings ({@link #TRIGGER} stands for a trigger channel).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum ItemType {
    SWITCH("Switch"),
    NUMBER("Number"),
    TEMPERATURE("Number:Temperature"),
    DIMENSIONLESS("Number:Dimensionless"),
    DENSITY("Number:Density"),
    TIME("Number:Time"),
    ANGLE("Number:Angle"),
    POWER("Number:Power"),
    STRING("String"),
    DATETIME("DateTime"),
    TRIGGER("trigger");

    private final String text;

    ItemType(String text) {
        this.text = text;
    }

    /** The item type as written in the thing XML, e.g. {@code Number:Density}; {@code trigger} for triggers. */
    public String text() {
        return text;
    }
}
