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
package org.openhab.binding.dyson.internal.handler;


import javax.measure.MetricPrefix;
import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.device.ChannelValue;
import org.openhab.binding.dyson.internal.device.DysonUnit;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Converts between the device model's plain values and openHAB states and commands.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ChannelStates {

    private ChannelStates() {
    }

    public static State toState(ChannelValue value) {
        if (value instanceof ChannelValue.OnOff onOff) {
            return onOff.on() ? OnOffType.ON : OnOffType.OFF;
        } else if (value instanceof ChannelValue.Quantity quantity) {
            return new QuantityType<>(quantity.value(), unit(quantity.unit()));
        } else if (value instanceof ChannelValue.Decimal decimal) {
            return new DecimalType(decimal.value());
        } else if (value instanceof ChannelValue.Text text) {
            return new StringType(text.text());
        }
        return UnDefType.UNDEF;
    }

    /**
     * The plain value of a command for the device model: Boolean for ON/OFF, BigDecimal in {@code unit} for numbers
     * (a quantity is converted, a plain number is taken as already in that unit), String for text.
     *
     * @return null when the command type does not fit or the quantity cannot be converted
     */
    public static @Nullable Object toValue(Command command, @Nullable DysonUnit unit) {
        if (command instanceof OnOffType onOff) {
            return onOff == OnOffType.ON;
        } else if (command instanceof QuantityType<?> quantity) {
            if (unit == null) {
                return quantity.toBigDecimal();
            }
            QuantityType<?> converted = quantity.toUnit(unit(unit));
            return converted == null ? null : converted.toBigDecimal();
        } else if (command instanceof DecimalType decimal) {
            return decimal.toBigDecimal();
        } else if (command instanceof StringType text) {
            return text.toString();
        }
        return null;
    }

    static Unit<?> unit(DysonUnit unit) {
        return switch (unit) {
            case CELSIUS -> SIUnits.CELSIUS;
            case PERCENT -> Units.PERCENT;
            case MICROGRAM_PER_CUBIC_METRE -> Units.MICROGRAM_PER_CUBICMETRE;
            case PPM -> Units.PARTS_PER_MILLION;
            case MILLISECOND -> MetricPrefix.MILLI(Units.SECOND);
            case SECOND -> Units.SECOND;
            case MINUTE -> Units.MINUTE;
            case HOUR -> Units.HOUR;
            case DEGREE -> Units.DEGREE_ANGLE;
            case DBM -> Units.DECIBEL_MILLIWATTS;
            case ONE -> Units.ONE;
        };
    }

}
