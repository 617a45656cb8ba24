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
 * AWS IoT credentials for one device, from {@code POST /v2/authorize/iot-credentials}. The token value and its
 * signature are secrets: {@link #toString()} leaves them out.
 *
 * @param endpoint AWS IoT host name (e.g. {@code xxxx-ats.iot.eu-west-1.amazonaws.com})
 * @param clientId the MQTT client id the authorizer's policy is bound to (used exactly as given)
 * @param customAuthorizerName value of the {@code X-Amz-CustomAuthorizer-Name} header
 * @param tokenKey name of the header that carries the token (seen: {@code token})
 * @param tokenValue the token
 * @param tokenSignature value of the {@code X-Amz-CustomAuthorizer-Signature} header (base64, sent as is)
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record IotCredentials(String endpoint, String clientId, String customAuthorizerName, String tokenKey,
        String tokenValue, String tokenSignature) {

    @Override
    public String toString() {
        return "IotCredentials[endpoint=" + endpoint + ", authorizer=" + customAuthorizerName + "]";
    }
}
