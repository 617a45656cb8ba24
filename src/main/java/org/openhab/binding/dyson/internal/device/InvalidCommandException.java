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
package org.openhab.binding.dyson.internal.device;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A command the device cannot take (wrong value, out of range, read-only channel, missing state); the message says
 * why. The handler logs it and publishes nothing.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class InvalidCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidCommandException(String message) {
        super(message);
    }
}
