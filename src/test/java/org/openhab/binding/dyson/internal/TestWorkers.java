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
package org.openhab.binding.dyson.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * The binding's network pool as the handler factory makes it, one for the whole test JVM (like one factory in
 * openHAB).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TestWorkers {

    public static final NetworkWorkers SHARED = new NetworkWorkers(32);

    private TestWorkers() {
    }
}
