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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.util.ExtraCaTrust;

/**
 * The settings that point the binding at another Dyson cloud: off unless given, strict about what they accept, and an
 * extra CA read from a PEM file as a user gives it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CloudOverrideTest {

    @TempDir
    Path directory = Path.of(".");

    @Test
    void nothingSetChangesNothing() {
        CloudOverride override = CloudOverride.parse(null, " ", "");
        assertFalse(override.isActive());
        assertEquals(CloudOverride.NONE, override);
        assertEquals(DysonCloudClient.GLOBAL_BASE_URL, override.baseUrlFor("GB"));
        assertEquals(DysonCloudClient.CHINA_BASE_URL, override.baseUrlFor("CN"));
        assertNull(override.sslContext());
        assertEquals(443, override.iotPortOr(443));
        assertEquals(List.of(), override.describe());
    }

    @Test
    void anApiHostReplacesDysonsServersForEveryCountry() {
        CloudOverride override = CloudOverride.parse(" https://appapi.cp.dyson.test:11443/ ", null, null);
        assertTrue(override.isActive());
        assertEquals("https://appapi.cp.dyson.test:11443", override.apiBaseUrl());
        assertEquals("https://appapi.cp.dyson.test:11443", override.baseUrlFor("CN"));
        assertEquals(List.of("Dyson API at https://appapi.cp.dyson.test:11443 instead of Dyson's servers, for every "
                + "account"), override.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:11443", "appapi.cp.dyson.test:11443", "127.0.0.1",
            "https:///nohost", "https://host/?a=b", "https://host/#top", "https://exa mple" })
    void anApiHostMustBeAnHttpsUrl(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudOverride.parse(value, null, null));
        assertTrue(String.valueOf(e.getMessage()).startsWith("API host: expected an https URL"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudOverride.parse("https://me:s3cret-pw@appapi.cp.dyson.test", null, null));
        assertFalse(String.valueOf(e.getMessage()).contains("s3cret-pw"), e.getMessage());
    }

    @Test
    void anIotPortReplaces443() {
        CloudOverride override = CloudOverride.parse(null, null, "10443");
        assertTrue(override.isActive());
        assertEquals(10443, override.iotPortOr(443));
        assertEquals(List.of("AWS IoT endpoints on port 10443 instead of 443"), override.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "65536", "-1", "ten", "10443x" })
    void anIotPortMustBeAPort(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudOverride.parse(null, null, value));
        assertEquals("IoT port: not a port number: " + value, e.getMessage());
    }

    @Test
    void aMissingCaFileIsNamed() {
        Path missing = directory.resolve("no-such-ca.pem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudOverride.parse(null, missing.toString(), null));
        assertEquals("extra CA: cannot read " + missing + " (NoSuchFileException)", e.getMessage());
    }

    @Test
    void aFileWithoutCertificateIsRefused() throws IOException {
        Path notPem = Files.writeString(directory.resolve("notes.txt"), "no certificate here\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudOverride.parse(null, notPem.toString(), null));
        assertTrue(String.valueOf(e.getMessage()).startsWith("extra CA: no "), e.getMessage());
    }

    @Test
    void thePemCaIsTrustedWhereTheRuntimeAloneRefuses() throws Exception {
        Path pem = writePem(directory.resolve("test-ca.pem"));
        CloudOverride override = CloudOverride.parse(null, pem.toString(), null);
        ExtraCaTrust trust = override.extraCa();
        assertNotNull(trust);
        assertEquals(List.of(TestPki.get().caCertificate()), trust.certificates());
        assertTrue(override.describe().get(0).contains("CN=Dyson Binding Test CA (SHA-256 "),
                override.describe().get(0));
        SSLContext context = override.sslContext();
        assertNotNull(context);

        assertTrue(handshake(context));
        assertThrows(SSLHandshakeException.class, () -> handshake(SSLContext.getDefault()));
    }

    /** The simulator's way of writing its CA: PEM with 64-character lines. */
    static Path writePem(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] { '\n' })
                        .encodeToString(TestPki.get().caCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** A TLS handshake with a loopback server that presents the test PKI's server certificate. */
    private static boolean handshake(SSLContext client) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) TestPki.get().serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.setSoTimeout(5000);
                    InputStream in = accepted.getInputStream();
                    in.read();
                } catch (IOException e) {
                    // the client refused the certificate
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(1);
                out.flush();
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
            return true;
        }
    }
}
