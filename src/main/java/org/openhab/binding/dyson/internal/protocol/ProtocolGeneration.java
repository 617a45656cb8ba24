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
package org.openhab.binding.dyson.internal.protocol;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The key set a device speaks: the 2015–2017 "Link" set ({@code fmod}, {@code qtar}, {@code filf}, dust/VOC indices)
 * or the newer one ({@code fpwr}, {@code auto}, PM in µg/m³). It is a matter of firmware, not of product type, so it is
 * decided from the keys received: {@code fpwr} means {@link #NEWER}, otherwise {@code fmod} means {@link #LINK}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum ProtocolGeneration {
    LINK,
    NEWER,
    /** No product state received yet. */
    UNKNOWN
}
