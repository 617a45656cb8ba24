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

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Checks that the test world's names resolve to loopback (the Surefire hosts file) and that the PKI is usable.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class TestPkiTest {

    @Test
    void endpointNamesResolveToLoopback() throws Exception {
        assertTrue(InetAddress.getByName(TestPki.IOT_ENDPOINT).isLoopbackAddress());
        assertTrue(InetAddress.getByName(TestPki.CLOUD_API_HOST).isLoopbackAddress());
    }

    @Test
    void serverChainEndsInTheTestCa() throws Exception {
        TestPki pki = TestPki.get();
        java.security.cert.Certificate[] chain = pki.serverKeyStore().getCertificateChain("server");
        assertEquals(2, chain.length);
        chain[0].verify(pki.caCertificate().getPublicKey());
        assertNotNull(pki.clientContext());
        assertNotNull(pki.serverContext());
    }
}
