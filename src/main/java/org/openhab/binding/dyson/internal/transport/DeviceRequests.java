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
package org.openhab.binding.dyson.internal.transport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The requests a client sends after connecting (protocol notes §4.5, §4.7).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceRequests {

    public static final String CURRENT_STATE = "REQUEST-CURRENT-STATE";
    public static final String ENVIRONMENT = "REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA";
    public static final String FAULTS = "REQUEST-CURRENT-FAULTS";

    private DeviceRequests() {
    }

    /** {@code {"msg":"<msg>","time":"<now, ISO-8601 UTC>"}}. */
    public static String request(String msg, Instant now) {
        return "{\"msg\":\"" + msg + "\",\"time\":\"" + now.truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    /** State, environment and faults requests, in this order. */
    public static List<String> all(Instant now) {
        return List.of(request(CURRENT_STATE, now), request(ENVIRONMENT, now), request(FAULTS, now));
    }
}
