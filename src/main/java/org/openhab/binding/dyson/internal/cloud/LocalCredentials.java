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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The device's local MQTT login: user name = serial, password = the {@code apPasswordHash} as is.
 * {@link #toString()} never shows the password.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record LocalCredentials(String serial, String password) {

    @Override
    public String toString() {
        return "LocalCredentials[serial=" + serial + "]";
    }
}
