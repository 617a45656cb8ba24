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
package org.openhab.core.io.net.http;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Stand-in of openHAB Core's Jetty client factory (the HTTP/2 methods are left out: no http2-client here).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface HttpClientFactory {

    /**
     * A new, not yet started client; the caller starts and stops it.
     */
    HttpClient createHttpClient(String consumerName);

    HttpClient createHttpClient(String consumerName, @Nullable SslContextFactory sslContextFactory);

    /**
     * The shared, started client; never stop it.
     */
    HttpClient getCommonHttpClient();
}
