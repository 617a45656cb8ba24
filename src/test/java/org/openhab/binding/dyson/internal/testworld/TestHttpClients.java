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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty 9.4 HTTP clients for the test world, set up like openHAB's shared client but trusting only the test CA,
 * with host-name verification on.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TestHttpClients {

    private TestHttpClients() {
    }

    /** A started client; the caller stops it. */
    public static HttpClient startTrustingTestCa() throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setTrustStore(TestPki.get().trustStore());
        ssl.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient client = new HttpClient(ssl);
        client.setName("dyson-test-http");
        client.start();
        return client;
    }
}
