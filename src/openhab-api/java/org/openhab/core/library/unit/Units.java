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
package org.openhab.core.library.unit;

import java.math.BigInteger;

import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.quantity.Angle;
import javax.measure.quantity.Dimensionless;
import javax.measure.quantity.Power;
import javax.measure.quantity.Speed;
import javax.measure.quantity.Temperature;
import javax.measure.quantity.Time;
import javax.measure.quantity.Volume;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.library.dimension.Density;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.ExpConverter;
import tech.units.indriya.function.MultiplyConverter;
import tech.units.indriya.unit.ProductUnit;
import tech.units.indriya.unit.TransformedUnit;

/**
 * Stand-in of openHAB Core's non-SI and derived units used by bindings, defined with indriya like core.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class Units extends CustomUnits {

    public static final Unit<Dimensionless> ONE = AbstractUnit.ONE;
    public static final Unit<Dimensionless> PERCENT = tech.units.indriya.unit.Units.PERCENT;
    public static final Unit<Dimensionless> PARTS_PER_MILLION = new TransformedUnit<>(ONE,
            MultiplyConverter.ofRational(BigInteger.ONE, BigInteger.valueOf(1_000_000)));
    public static final Unit<Dimensionless> PARTS_PER_BILLION = new TransformedUnit<>(ONE,
            MultiplyConverter.ofRational(BigInteger.ONE, BigInteger.valueOf(1_000_000_000)));
    public static final Unit<Temperature> KELVIN = tech.units.indriya.unit.Units.KELVIN;
    public static final Unit<Time> SECOND = tech.units.indriya.unit.Units.SECOND;
    public static final Unit<Time> MINUTE = tech.units.indriya.unit.Units.MINUTE;
    public static final Unit<Time> HOUR = tech.units.indriya.unit.Units.HOUR;
    public static final Unit<Time> DAY = tech.units.indriya.unit.Units.DAY;
    public static final Unit<Angle> RADIAN = tech.units.indriya.unit.Units.RADIAN;
    public static final Unit<Angle> DEGREE_ANGLE = new TransformedUnit<>(RADIAN,
            MultiplyConverter.ofPiExponent(1).concatenate(MultiplyConverter.ofRational(1, 180)));
    public static final Unit<Power> WATT = tech.units.indriya.unit.Units.WATT;
    public static final Unit<Power> DECIBEL_MILLIWATTS = new TransformedUnit<>(MetricPrefix.MILLI(WATT),
            new ExpConverter(10).concatenate(MultiplyConverter.of(0.1)));
    public static final Unit<Speed> METRE_PER_SECOND = tech.units.indriya.unit.Units.METRE_PER_SECOND;
    public static final Unit<Volume> LITRE = tech.units.indriya.unit.Units.LITRE;
    public static final Unit<Density> KILOGRAM_PER_CUBICMETRE = new ProductUnit<>(
            tech.units.indriya.unit.Units.KILOGRAM.divide(tech.units.indriya.unit.Units.CUBIC_METRE));
    public static final Unit<Density> MICROGRAM_PER_CUBICMETRE = new TransformedUnit<>(KILOGRAM_PER_CUBICMETRE,
            MultiplyConverter.ofRational(BigInteger.ONE, BigInteger.valueOf(1_000_000_000)));

    static {
        SimpleUnitFormat format = SimpleUnitFormat.getInstance();
        format.label(PARTS_PER_MILLION, "ppm");
        format.label(PARTS_PER_BILLION, "ppb");
        format.label(MINUTE, "min");
        format.label(HOUR, "h");
        format.label(DAY, "d");
        format.label(DEGREE_ANGLE, "°");
        format.label(DECIBEL_MILLIWATTS, "dBm");
        format.label(KILOGRAM_PER_CUBICMETRE, "kg/m³");
        format.label(MICROGRAM_PER_CUBICMETRE, "µg/m³");
    }

    private Units() {
    }
}
