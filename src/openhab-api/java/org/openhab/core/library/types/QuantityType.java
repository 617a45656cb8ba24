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

import javax.measure.Dimension;
import javax.measure.IncommensurableException;
import javax.measure.Quantity;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.quantity.Quantities;

/**
 * Stand-in of openHAB Core's number-with-unit state and command, backed by indriya like core. Two quantities are
 * equal when their units are compatible and their values in the system unit are equal (22.5 °C equals 295.65 K);
 * core's comparison with inverse units (K vs mired) is left out.
 *
 * @author Dyson binding team - Initial contribution
 * @param <T> the quantity (dimension) of the value
 */
@NonNullByDefault
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;

    static {
        // core registers its unit labels ("°C", "µg/m³", ...) before any quantity is formatted or parsed
        SIUnits.CELSIUS.getSymbol();
        Units.ONE.getSymbol();
    }

    private final transient Quantity<T> quantity;

    public QuantityType(Number value, Unit<T> unit) {
        this.quantity = Quantities.getQuantity(value instanceof BigDecimal ? value : new BigDecimal(value.toString()),
                unit);
    }

    /**
     * Parses "value unit" such as "22.5 °C"; a bare number is dimensionless.
     */
    @SuppressWarnings("unchecked")
    public QuantityType(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        BigDecimal number = new BigDecimal(space < 0 ? trimmed : trimmed.substring(0, space));
        Unit<?> unit = space < 0 ? AbstractUnit.ONE
                : SimpleUnitFormat.getInstance().parse(trimmed.substring(space + 1).trim());
        this.quantity = Quantities.getQuantity(number, (Unit<T>) unit);
    }

    public static <T extends Quantity<T>> QuantityType<T> valueOf(double value, Unit<T> unit) {
        return new QuantityType<>(value, unit);
    }

    public Unit<T> getUnit() {
        return quantity.getUnit();
    }

    public Dimension getDimension() {
        return getUnit().getDimension();
    }

    /**
     * Converts to another compatible unit; {@code null} when the units are not convertible.
     */
    @SuppressWarnings("unchecked")
    public @Nullable QuantityType<T> toUnit(Unit<?> targetUnit) {
        if (targetUnit.equals(getUnit())) {
            return this;
        }
        try {
            Number converted = getUnit().getConverterToAny(targetUnit).convert(toBigDecimal());
            return new QuantityType<>(converted, (Unit<T>) targetUnit);
        } catch (UnconvertibleException | IncommensurableException e) {
            return null;
        }
    }

    public BigDecimal toBigDecimal() {
        Number value = quantity.getValue();
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    @Override
    public int intValue() {
        return quantity.getValue().intValue();
    }

    @Override
    public long longValue() {
        return quantity.getValue().longValue();
    }

    @Override
    public float floatValue() {
        return quantity.getValue().floatValue();
    }

    @Override
    public double doubleValue() {
        return quantity.getValue().doubleValue();
    }

    @Override
    public String format(String pattern) {
        String unitPattern = pattern.replace("%unit%", SimpleUnitFormat.getInstance().format(getUnit()));
        return DecimalType.formatNumber(unitPattern, toBigDecimal());
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        String number = toBigDecimal().toPlainString();
        if (AbstractUnit.ONE.equals(getUnit())) {
            return number;
        }
        return number + " " + SimpleUnitFormat.getInstance().format(getUnit());
    }

    @Override
    public int compareTo(QuantityType<T> other) {
        return compareInSystemUnit(other);
    }

    private int compareInSystemUnit(QuantityType<?> other) {
        if (!getUnit().isCompatible(other.getUnit())) {
            throw new IllegalArgumentException("Can not compare incompatible units.");
        }
        QuantityType<?> mine = toUnit(getUnit().getSystemUnit());
        QuantityType<?> theirs = other.toUnit(other.getUnit().getSystemUnit());
        if (mine == null || theirs == null) {
            throw new IllegalArgumentException("Unable to convert to system unit during compare.");
        }
        return Double.compare(mine.doubleValue(), theirs.doubleValue());
    }

    /**
     * Consistent with {@link #equals}: the hash of the value in the system unit.
     */
    @Override
    public int hashCode() {
        QuantityType<?> system = toUnit(getUnit().getSystemUnit());
        return system != null ? Double.hashCode(system.doubleValue()) : getUnit().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof QuantityType<?> other)) {
            return false;
        }
        return getUnit().isCompatible(other.getUnit()) && compareInSystemUnit(other) == 0;
    }
}
