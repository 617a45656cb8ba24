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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import javax.measure.quantity.Temperature;
import javax.measure.quantity.Time;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;

/**
 * Checks the stand-in's state types: equality, conversion and text as openHAB Core has them.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StandInTypesTest {

    @Test
    void quantityTextUsesOpenhabUnitSymbols() {
        assertEquals("22.5 °C", new QuantityType<>(22.5, SIUnits.CELSIUS).toString());
        assertEquals("45 %", new QuantityType<>(45, Units.PERCENT).toString());
        assertEquals("12 µg/m³", new QuantityType<>(12, Units.MICROGRAM_PER_CUBICMETRE).toString());
        assertEquals("800 ppm", new QuantityType<>(800, Units.PARTS_PER_MILLION).toString());
        assertEquals("-60 dBm", new QuantityType<>(-60, Units.DECIBEL_MILLIWATTS).toString());
        assertEquals("3 h", new QuantityType<>(3, Units.HOUR).toString());
        assertEquals("22.5 °C", new QuantityType<>(22.5, SIUnits.CELSIUS).format("%.1f %unit%"));
        assertEquals("7", new QuantityType<>(7, Units.ONE).toString());
    }

    @Test
    void quantityEqualityIsByValueInTheSystemUnit() {
        QuantityType<Temperature> celsius = new QuantityType<>(22.5, SIUnits.CELSIUS);

        assertEquals(celsius, new QuantityType<>(new BigDecimal("22.50"), SIUnits.CELSIUS));
        assertEquals(celsius, new QuantityType<>(295.65, Units.KELVIN));
        assertEquals(celsius.hashCode(), new QuantityType<>(295.65, Units.KELVIN).hashCode());
        assertNotEquals(celsius, new QuantityType<>(22.6, SIUnits.CELSIUS));
        assertNotEquals(new QuantityType<>(1, Units.HOUR), new QuantityType<>(1, Units.PERCENT));
        assertNotEquals(celsius, new DecimalType(22.5));
    }

    @Test
    void quantityConvertsBetweenCompatibleUnits() {
        QuantityType<Time> minutes = new QuantityType<>(90, Units.MINUTE);

        QuantityType<Time> hours = minutes.toUnit(Units.HOUR);
        assertNotNull(hours);
        assertEquals(0, new BigDecimal("1.5").compareTo(hours.toBigDecimal()));
        assertEquals(Units.HOUR, hours.getUnit());
        assertEquals(1, hours.intValue());

        QuantityType<Temperature> kelvin = new QuantityType<>(0, SIUnits.CELSIUS).toUnit(Units.KELVIN);
        assertNotNull(kelvin);
        assertEquals(273.15, kelvin.doubleValue(), 1e-9);
        assertEquals(1000.0, new QuantityType<>(1, Units.MICROGRAM_PER_CUBICMETRE)
                .toUnit(Units.KILOGRAM_PER_CUBICMETRE).doubleValue() * 1e12, 1e-6);
        assertEquals(1.0, new QuantityType<>(0, Units.DECIBEL_MILLIWATTS).toUnit(Units.WATT).doubleValue() * 1000,
                1e-9);
        assertNull(minutes.toUnit(SIUnits.CELSIUS));
    }

    @Test
    void quantityParsesText() {
        assertEquals(new QuantityType<>(22.5, SIUnits.CELSIUS), new QuantityType<>("22.5 °C"));
        assertEquals(new QuantityType<>(5, Units.MICROGRAM_PER_CUBICMETRE), new QuantityType<>("5 µg/m³"));
    }

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void quantityComparisonRejectsIncompatibleUnits() {
        QuantityType<Time> hour = new QuantityType<>(1, Units.HOUR);
        QuantityType rawHour = hour;

        assertEquals(1, hour.compareTo(new QuantityType<>(59, Units.MINUTE)));
        assertEquals(0, hour.compareTo(new QuantityType<>(3600, Units.SECOND)));
        assertThrows(IllegalArgumentException.class, () -> rawHour.compareTo(new QuantityType<>(1, Units.PERCENT)));
    }

    @Test
    void decimalAndPercentTypes() {
        assertEquals(new DecimalType(new BigDecimal("1.50")), new DecimalType(1.5));
        assertEquals(new DecimalType(1.5).hashCode(), new DecimalType(new BigDecimal("1.50")).hashCode());
        assertEquals("1.5", new DecimalType(1.5).toString());
        assertEquals("042", new DecimalType(42).format("%03d"));
        assertEquals(new PercentType(40), new DecimalType(40));
        assertThrows(IllegalArgumentException.class, () -> new PercentType(101));
    }

    @Test
    void enumAndStringTypesPrintTheirNames() {
        assertEquals("ON", OnOffType.from(true).toString());
        assertEquals(OnOffType.OFF, OnOffType.from(false));
        assertEquals("REFRESH", RefreshType.REFRESH.toFullString());
        assertEquals("UNDEF", UnDefType.UNDEF.toString());
        assertEquals("NULL", UnDefType.NULL.toString());
        assertEquals(new StringType("AUTO"), new StringType("AUTO"));
        assertEquals("", StringType.EMPTY.toString());
    }

    @Test
    void dateTimeEqualityIsByInstant() {
        Instant instant = Instant.parse("2024-05-01T10:15:30Z");
        DateTimeType fromInstant = new DateTimeType(instant);

        assertEquals(fromInstant, new DateTimeType(ZonedDateTime.ofInstant(instant, ZoneId.of("Europe/London"))));
        assertEquals(instant, fromInstant.getInstant());
        assertEquals(10, fromInstant.getZonedDateTime(ZoneId.of("UTC")).getHour());
    }
}
