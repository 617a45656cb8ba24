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
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;

/**
 * Supplies a {@link DeviceLink} with credentials; implemented by the openHAB side (thing configuration and the
 * account bridge). Called on the link's scheduler thread; {@link #freshIotCredentials()} may block for one bounded
 * HTTP request.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface CredentialsSource {

    /** The local MQTT login, or null when there is none (then there is no local path). */
    @Nullable
    LocalCredentials localCredentials();

    /** Whether an account is available to fetch IoT credentials from (false = no cloud path). */
    boolean hasCloudAccount();

    /**
     * Fetches new AWS IoT credentials for the device. Called before every cloud connect (AWS IoT does not say when
     * they expire) and so also after every refusal.
     *
     * @throws CredentialsUnavailableException with a reason text when none can be had now
     */
    IotCredentials freshIotCredentials() throws CredentialsUnavailableException;

    /** The cloud endpoint refused the credentials last handed out: the next call must not return them again. */
    void iotCredentialsRefused();
}
