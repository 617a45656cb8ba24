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
package org.openhab.binding.dyson.internal.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A TLS context that trusts what the Java runtime trusts plus the certificates of one PEM file (a test CA such as the
 * simulator's {@code test-ca.pem}, or the CA of a TLS-inspecting proxy). Chain and host-name checks stay as they are:
 * only the set of trust anchors grows.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ExtraCaTrust {

    private final Path file;
    private final List<X509Certificate> certificates;
    private final SSLContext sslContext;

    private ExtraCaTrust(Path file, List<X509Certificate> certificates, SSLContext sslContext) {
        this.file = file;
        this.certificates = List.copyOf(certificates);
        this.sslContext = sslContext;
    }

    /**
     * Reads the certificates of a PEM (or DER) file and builds the context.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no X.509 certificate; the message says
     *             which and names the file
     */
    public static ExtraCaTrust load(Path file) {
        List<X509Certificate> extra = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (certificate instanceof X509Certificate x509) {
                    extra.add(x509);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("no readable certificate in " + file + " (" + e.getMessage() + ")", e);
        }
        if (extra.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file);
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int index = 0;
            for (X509Certificate trusted : runtimeTrustAnchors()) {
                anchors.setCertificateEntry("runtime-" + index++, trusted);
            }
            index = 0;
            for (X509Certificate certificate : extra) {
                anchors.setCertificateEntry("extra-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return new ExtraCaTrust(file, extra, context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a TLS context with " + file + " (" + e.getMessage() + ")",
                    e);
        }
    }

    /** What the runtime trusts by default (its {@code cacerts}, or {@code javax.net.ssl.trustStore} when set). */
    private static List<X509Certificate> runtimeTrustAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                anchors.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return anchors;
    }

    /** Trusts the runtime's anchors and the file's certificates; TLS 1.2 and 1.3 as the runtime offers them. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public Path file() {
        return file;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** For the log: the file, and subject and SHA-256 fingerprint of each certificate (public facts only). */
    public String describe() {
        List<String> names = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            names.add(certificate.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(certificate) + ")");
        }
        return file + ": " + String.join(", ", names);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            return "unknown";
        }
    }
}
