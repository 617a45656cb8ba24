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

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A decoded channel value without openHAB types; the handler turns it into a {@code State}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public sealed interface ChannelValue {

    /** No value: not received yet, or the device sent {@code OFF}/{@code INIT}/{@code FAIL}/{@code NONE}/{@code INV}. */
    ChannelValue UNDEFINED = new Undefined();

    /** A Switch state. */
    record OnOff(boolean on) implements ChannelValue {
    }

    /** A number with a unit (Number:&lt;dimension&gt; channels). */
    record Quantity(BigDecimal value, DysonUnit unit) implements ChannelValue {
    }

    /** A plain number (Number channels, e.g. the fan speed 1–10). */
    record Decimal(BigDecimal value) implements ChannelValue {
    }

    /** A String state. */
    record Text(String text) implements ChannelValue {
    }

    /** See {@link ChannelValue#UNDEFINED}. */
    record Undefined() implements ChannelValue {
    }
}
