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

/**
 * One MQTT message between the binding and a device, as the link saw it: not redacted (see {@link Redactor}).
 *
 * @param time when the link saw it
 * @param direction which way it went
 * @param topic the MQTT topic (holds the serial number)
 * @param payload the payload as received or sent
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record TrafficRecord(Instant time, Direction direction, String topic, String payload) {
}
