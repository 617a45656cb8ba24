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
import org.openhab.binding.dyson.internal.transport.LinkState;

/**
 * One state transition of a device's link, with its reason as the link logged it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record LinkTransition(Instant time, LinkState from, LinkState to, String reason) {
}
