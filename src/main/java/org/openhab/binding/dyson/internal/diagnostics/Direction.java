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
package org.openhab.binding.dyson.internal.diagnostics;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Which way a message went, written as in the project's recorded captures.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum Direction {
    /** From the device (its {@code status/...} topics). */
    IN("device->client"),
    /** To the device (its {@code command} topic). */
    OUT("client->device");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    /** {@code device->client} or {@code client->device}. */
    public String wire() {
        return wire;
    }
}
