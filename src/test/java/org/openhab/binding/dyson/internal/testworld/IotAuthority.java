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
package org.openhab.binding.dyson.internal.testworld;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the Dyson cloud and AWS IoT's custom authorizer agree on in the test world: the cloud API stand-in
 * issues a {@link Grant} per {@code POST /v2/authorize/iot-credentials}; the AWS IoT endpoint stand-in admits
 * a WebSocket upgrade only when its three authorizer headers match a grant that is still valid, and a CONNECT
 * only with that grant's client id.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class IotAuthority {

    public static final String AUTHORIZER_NAME = "cld-iot-credentials-lambda-authorizer";
    public static final String TOKEN_KEY = "token";

    /** One set of IoT credentials, as the cloud API returns it. */
    public record Grant(String serial, String clientId, String authorizerName, String tokenKey, String tokenValue,
            String tokenSignature) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grantsByToken = new ConcurrentHashMap<>();

    /** Issues fresh credentials for a device (client id and token are the same UUID, as observed). */
    public Grant issue(String serial) {
        String id = UUID.randomUUID().toString();
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        Grant grant = new Grant(serial, id, AUTHORIZER_NAME, TOKEN_KEY, id,
                Base64.getEncoder().encodeToString(signature));
        grantsByToken.put(id, grant);
        return grant;
    }

    /** The grant matching the three upgrade headers, if any (header values as received; null = missing). */
    public Optional<Grant> check(@Nullable String authorizerName, @Nullable String tokenValue,
            @Nullable String signature) {
        if (authorizerName == null || tokenValue == null || signature == null) {
            return Optional.empty();
        }
        Grant grant = grantsByToken.get(tokenValue);
        if (grant == null || !grant.authorizerName().equals(authorizerName)
                || !grant.tokenSignature().equals(signature)) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** Invalidates every grant issued so far (as a session that reached its maximum duration). */
    public void revokeAll() {
        grantsByToken.clear();
    }

    /** The number of grants issued and still valid. */
    public int validGrants() {
        return grantsByToken.size();
    }
}
