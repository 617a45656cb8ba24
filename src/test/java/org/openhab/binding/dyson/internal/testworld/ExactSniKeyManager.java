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

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A server key manager that offers a certificate only when the client asked for exactly one host name by SNI and it
 * is {@code hostName}, as AWS IoT requires. Without a certificate the TLS handshake fails (the client gets a
 * {@code handshake_failure} alert), even when the server certificate would cover the other name by a wildcard.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ExactSniKeyManager extends X509ExtendedKeyManager {

    /** Marks a handshake session once refused: the JDK asks once per key type, the refusal is counted once. */
    private static final String REFUSED = ExactSniKeyManager.class.getName() + ".refused";

    private final X509ExtendedKeyManager delegate;
    private final String hostName;
    private final Runnable onRefusal;

    ExactSniKeyManager(X509ExtendedKeyManager delegate, String hostName, Runnable onRefusal) {
        this.delegate = delegate;
        this.hostName = hostName;
        this.onRefusal = onRefusal;
    }

    @Override
    public @Nullable String chooseEngineServerAlias(@Nullable String keyType, Principal @Nullable [] issuers,
            @Nullable SSLEngine engine) {
        return admits(engine == null ? null : engine.getHandshakeSession())
                ? delegate.chooseEngineServerAlias(keyType, issuers, engine)
                : null;
    }

    @Override
    public @Nullable String chooseServerAlias(@Nullable String keyType, Principal @Nullable [] issuers,
            @Nullable Socket socket) {
        return admits(socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null)
                ? delegate.chooseServerAlias(keyType, issuers, socket)
                : null;
    }

    private boolean admits(@Nullable SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            List<SNIServerName> names = extended.getRequestedServerNames();
            if (names.size() == 1 && names.get(0) instanceof SNIHostName name
                    && hostName.equalsIgnoreCase(name.getAsciiName())) {
                return true;
            }
        }
        if (handshake != null && handshake.getValue(REFUSED) == null) {
            handshake.putValue(REFUSED, Boolean.TRUE);
            onRefusal.run();
        }
        return false;
    }

    @Override
    public String @Nullable [] getServerAliases(@Nullable String keyType, Principal @Nullable [] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String @Nullable [] getClientAliases(@Nullable String keyType, Principal @Nullable [] issuers) {
        return null;
    }

    @Override
    public @Nullable String chooseClientAlias(String @Nullable [] keyType, Principal @Nullable [] issuers,
            @Nullable Socket socket) {
        return null;
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(@Nullable String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
        return delegate.getPrivateKey(alias);
    }
}
