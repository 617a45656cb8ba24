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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.MobileNumber;

/**
 * Configuration of the {@code dyson:account} bridge (see {@code OH-INF/config/account-config.xml}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class AccountConfiguration {
    public String email = "";
    public String password = "";
    /** Accounts in mainland China only: the mobile number they log in with (instead of e-mail and password). */
    public String mobile = "";
    public String countryCode = "GB";
    public String otpCode = "";
    public String token = "";
    public int refreshInterval = 3600;

    /** Smallest device-list refresh interval the binding accepts, in seconds. */
    public static final int MIN_REFRESH_INTERVAL = 300;

    /** A configuration problem as an i18n key, or null when the configuration can be used. */
    public @Nullable String problem() {
        if (!countryCode.trim().matches("[A-Za-z]{2}")) {
            return "@text/offline.account.bad-country";
        }
        if (!mobile.isBlank()) {
            if (!email.isBlank()) {
                return "@text/offline.account.email-or-mobile";
            }
            if (!"CN".equalsIgnoreCase(countryCode.trim())) {
                return "@text/offline.account.mobile-needs-cn";
            }
            return mobileNumber() == null ? "@text/offline.account.bad-mobile" : null;
        }
        if (email.isBlank() || password.isBlank()) {
            return "@text/offline.account.missing-login";
        }
        return null;
    }

    /** True when the account logs in with its mobile number and a code sent by SMS. */
    public boolean isMobileLogin() {
        return !mobile.isBlank();
    }

    /** The mobile number as Dyson takes it ({@code +8613800000000}), null when none or not a mobile number. */
    public @Nullable String mobileNumber() {
        return mobile.isBlank() ? null : MobileNumber.normalize(mobile);
    }

    /** What identifies the account's login: the normalized mobile number, or the e-mail address in lower case. */
    public String loginKey() {
        String number = mobileNumber();
        return number != null ? number : email.trim().toLowerCase(Locale.ROOT);
    }
}
