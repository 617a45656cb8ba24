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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * {@link ThreadCounts} for tests outside this package (handler-level fault tests): the same count, so whatever
 * {@link ThreadCounts} learns to recognise is checked there too.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LeftoverThreads {

    private LeftoverThreads() {
    }

    /** The names of the live connection threads of the binding (Paho's, not the simulators'). */
    public static List<String> connectionThreads() {
        return ThreadCounts.pahoNames();
    }
}
