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

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.transport.TransportKind;

/**
 * What the link last reported about its transport: the one in use and why, or {@code NONE} and what failed.
 *
 * @param sequence counts the reports of one {@link DeviceDiagnostics}, from 1
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record TransportReport(long sequence, Instant time, TransportKind kind, String reason) {

    /** Whether a transport is up. */
    public boolean isUp() {
        return kind != TransportKind.NONE;
    }
}
