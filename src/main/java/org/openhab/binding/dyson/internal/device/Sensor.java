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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Sensors a device may have, with the environment keys that carry them (§6.3).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum Sensor {
    TEMPERATURE("tact"),
    HUMIDITY("hact"),
    DUST_INDEX("pact"),
    VOC_INDEX("vact"),
    PARTICULATES("p25r", "p10r", "pm25", "pm10"),
    VOC("va10"),
    NO2("noxl"),
    FORMALDEHYDE("hchr", "hcho"),
    CO2("co2r");

    private final List<String> keys;

    Sensor(String... keys) {
        this.keys = List.of(keys);
    }

    /** The environment keys of this sensor. */
    public List<String> keys() {
        return keys;
    }
}
