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
package org.openhab.binding.dyson.internal.cloud;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A login challenge: the id Dyson returned when it e-mailed a code, and when that was. Persisted by the bridge so
 * that a restart during a rate limit (429 on the code request) can still complete the login.
 *
 * @param id the {@code challengeId}
 * @param issued when the code was requested
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record LoginChallenge(String id, Instant issued) {

    /** True while the challenge is younger than {@code maxAge} at {@code now}. */
    public boolean isFresh(Instant now, Duration maxAge) {
        return !issued.isAfter(now) && Duration.between(issued, now).compareTo(maxAge) < 0;
    }
}
