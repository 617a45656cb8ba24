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
 * Units of {@link ChannelValue.Quantity} values; the handler maps them to openHAB units.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum DysonUnit {
    /** °C ({@code SIUnits.CELSIUS}). */
    CELSIUS,
    /** % ({@code Units.PERCENT}). */
    PERCENT,
    /** µg/m³ ({@code Units.MICROGRAM_PER_CUBICMETRE}). */
    MICROGRAM_PER_CUBIC_METRE,
    /** ppm ({@code Units.PARTS_PER_MILLION}). */
    PPM,
    /** s ({@code Units.SECOND}). */
    SECOND,
    /** min ({@code Units.MINUTE}). */
    MINUTE,
    /** ms ({@code MetricPrefix.MILLI(Units.SECOND)}). */
    MILLISECOND,
    /** h ({@code Units.HOUR}). */
    HOUR,
    /** ° ({@code Units.DEGREE_ANGLE}). */
    DEGREE,
    /** dBm ({@code Units.DECIBEL_MILLIWATTS}). */
    DBM,
    /** A dimensionless index ({@code Units.ONE}). */
    ONE
}
