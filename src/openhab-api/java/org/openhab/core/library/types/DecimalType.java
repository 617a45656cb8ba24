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
package org.openhab.core.library.types;

import java.math.BigDecimal;
import java.util.IllegalFormatConversionException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in of openHAB Core's plain decimal number state and command.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DecimalType extends Number implements PrimitiveType, State, Command, Comparable<DecimalType> {

    private static final long serialVersionUID = 1L;

    public static final DecimalType ZERO = new DecimalType(0);

    protected static final BigDecimal BIG_DECIMAL_HUNDRED = BigDecimal.valueOf(100);

    protected BigDecimal value;

    public DecimalType() {
        this.value = BigDecimal.ZERO;
    }

    public DecimalType(Number value) {
        this.value = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public DecimalType(String value) {
        this.value = new BigDecimal(value);
    }

    public static DecimalType valueOf(String value) {
        return new DecimalType(value);
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    /**
     * Formats with {@link String#format}; integer conversions such as {@code %d} get the integral part.
     */
    @Override
    public String format(String pattern) {
        return formatNumber(pattern, value);
    }

    static String formatNumber(String pattern, BigDecimal number) {
        try {
            return String.format(pattern, number);
        } catch (IllegalFormatConversionException e) {
            return String.format(pattern, number.toBigInteger());
        }
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(DecimalType other) {
        return value.compareTo(other.value);
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DecimalType other && value.compareTo(other.value) == 0;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }
}
