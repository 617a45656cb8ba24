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
 * Where the keys that feed a channel come from.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum KeySource {
    /** {@code product-state} keys. */
    PRODUCT,
    /** {@code product-state}, falling back to the environment data ({@code sltm} is in both; Link only in env). */
    PRODUCT_OR_SENSOR,
    /** Environment data ({@code ENVIRONMENTAL-CURRENT-SENSOR-DATA.data}). */
    SENSOR,
    /** Top-level attributes of CURRENT-STATE (e.g. {@code rssi}). */
    ATTRIBUTE,
    /** The fault maps. */
    FAULTS,
    /** Nothing the device sends: command-only, trigger, or filled by the handler (transport). */
    NONE
}
