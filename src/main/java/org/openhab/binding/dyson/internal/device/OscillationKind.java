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
 * How a device oscillates (§5).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum OscillationKind {
    /** {@code oson} on/off only (Link models). */
    ON_OFF,
    /** Advance oscillation day 1: {@code osal}/{@code osau} 5–355° and presets 45/90/180/350 via {@code ancp}. */
    D1,
    /** Advance oscillation day 0 (TP11/PC1): a narrow band around 180°; presets unverified. */
    D0,
    /** Humidifiers: presets 45/90/Breeze via {@code ancp}, plus {@code osal}/{@code osau}. */
    PRESET,
    /** Big+Quiet: vertical tilt {@code oton}/{@code otal}/{@code otau}/{@code anct}, no horizontal oscillation. */
    TILT,
    /** No oscillation at all (robot vacuums). */
    NONE
}
