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

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final int MAX_REMEMBERED = 64;

    private final String serial;
    private final @Nullable String configuredPassword;
    private final Supplier<@Nullable DysonAccountHandler> account;
    /** Every secret handed out so far (for the diagnostics' redaction); a few per connect, capped. */
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

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
        LocalCredentials local = handler == null ? null : handler.localCredentials(serial);
        if (local != null) {
            remember(local.password());
        }
        return local;
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
            IotCredentials iot = handler.iotCredentials(serial);
            remember(iot.tokenValue(), iot.tokenSignature(), iot.clientId());
            return iot;
        } catch (DysonCloudException e) {
            throw new CredentialsUnavailableException("account: " + e.getMessage());
        }
    }

    /** The configured password and every secret handed out so far: what diagnostics output must never show. */
    Set<String> secrets() {
        Set<String> secrets = new HashSet<>(handedOut);
        String password = configuredPassword;
        if (password != null) {
            secrets.add(password);
        }
        return secrets;
    }

    private void remember(String... secrets) {
        if (handedOut.size() > MAX_REMEMBERED) {
            handedOut.clear(); // credentials handed out long ago no longer pass through the link
        }
        handedOut.addAll(Arrays.asList(secrets));
    }
}
