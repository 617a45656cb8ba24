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
package org.openhab.binding.dyson.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the {@code dyson:account} bridge (see {@code OH-INF/config/account-config.xml}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class AccountConfiguration {
    public String email = "";
    public String password = "";
    public String countryCode = "GB";
    public String otpCode = "";
    public String token = "";
    public int refreshInterval = 3600;

    /** Smallest device-list refresh interval the binding accepts, in seconds. */
    public static final int MIN_REFRESH_INTERVAL = 300;

    /** A configuration problem as an i18n key, or null when the configuration can be used. */
    public @org.eclipse.jdt.annotation.Nullable String problem() {
        if (email.isBlank() || password.isBlank()) {
            return "@text/offline.account.missing-login";
        }
        if (!countryCode.trim().matches("[A-Za-z]{2}")) {
            return "@text/offline.account.bad-country";
        }
        return null;
    }
}
