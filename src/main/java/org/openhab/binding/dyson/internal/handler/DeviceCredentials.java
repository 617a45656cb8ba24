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
package org.openhab.binding.dyson.internal.handler;

import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.cloud.WifiSticker;
import org.openhab.binding.dyson.internal.config.DeviceConfiguration;
import org.openhab.binding.dyson.internal.transport.CredentialsSource;
import org.openhab.binding.dyson.internal.transport.CredentialsUnavailableException;

/**
 * A device's credentials: the local password from the thing configuration (as is, or derived from the sticker Wi-Fi
 * password), else from the account; IoT credentials from the account only.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceCredentials implements CredentialsSource {

    private final String serial;
    private final @Nullable String configuredPassword;
    private final Supplier<@Nullable DysonAccountHandler> account;

    DeviceCredentials(DeviceConfiguration config, Supplier<@Nullable DysonAccountHandler> account) {
        this.serial = config.serialNumber.trim();
        if (!config.localPassword.isBlank()) {
            configuredPassword = config.localPassword.trim();
        } else if (!config.wifiPassword.isBlank()) {
            configuredPassword = WifiSticker.mqttPassword(config.wifiPassword.trim());
        } else {
            configuredPassword = null;
        }
        this.account = account;
    }

    @Override
    public @Nullable LocalCredentials localCredentials() {
        String password = configuredPassword;
        if (password != null) {
            return new LocalCredentials(serial, password);
        }
        DysonAccountHandler handler = account.get();
        return handler == null ? null : handler.localCredentials(serial);
    }

    @Override
    public boolean hasCloudAccount() {
        return account.get() != null;
    }

    @Override
    public void iotCredentialsRefused() {
        DysonAccountHandler handler = account.get();
        if (handler != null) {
            handler.iotCredentialsRefused(serial);
        }
    }

    @Override
    public IotCredentials freshIotCredentials() throws CredentialsUnavailableException {
        DysonAccountHandler handler = account.get();
        if (handler == null) {
            throw new CredentialsUnavailableException("no Dyson account");
        }
        try {
            return handler.iotCredentials(serial);
        } catch (DysonCloudException e) {
            throw new CredentialsUnavailableException("account: " + e.getMessage());
        }
    }
}
