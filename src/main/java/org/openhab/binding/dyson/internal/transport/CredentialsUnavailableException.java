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
 * Credentials could not be obtained (account logged out, cloud API down, rate-limited...). The message is a short
 * reason text without secrets.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class CredentialsUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsUnavailableException(String reason) {
        super(reason);
    }
}
