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
package org.openhab.binding.dyson.internal.soak;

import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * One injected fault, once it has ended.
 *
 * @param kind what was done
 * @param detail which device, how long, how many errors
 * @param start when it began
 * @param end when the world was whole again (broker back, device speaking again)
 * @param affected the devices whose things have to come back
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
record Fault(FaultKind kind, String detail, Instant start, Instant end, List<SoakDevice> affected) {

    Fault {
        affected = List.copyOf(affected);
    }
}
