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
package org.openhab.binding.dyson.internal.cloud.dto;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.annotations.SerializedName;

/**
 * Answer of {@code POST /v2/authorize/iot-credentials} (PascalCase on the wire). Token and signature are secrets.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class IotCredentialsResponse {
    @SerializedName("Endpoint")
    public @Nullable String endpoint;
    @SerializedName("IoTCredentials")
    public @Nullable Credentials credentials;

    /** {@code IoTCredentials}. */
    public static class Credentials {
        @SerializedName("ClientId")
        public @Nullable String clientId;
        @SerializedName("CustomAuthorizerName")
        public @Nullable String customAuthorizerName;
        @SerializedName("TokenKey")
        public @Nullable String tokenKey;
        @SerializedName("TokenValue")
        public @Nullable String tokenValue;
        @SerializedName("TokenSignature")
        public @Nullable String tokenSignature;
    }
}
