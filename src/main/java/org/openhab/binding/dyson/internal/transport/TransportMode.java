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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Which transports a device link may use: {@link #AUTO} picks one and falls back to the other, {@link #LOCAL} and
 * {@link #CLOUD} force one.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum TransportMode {
    AUTO,
    LOCAL,
    CLOUD
}
