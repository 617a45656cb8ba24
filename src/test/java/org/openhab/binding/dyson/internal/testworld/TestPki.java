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

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A throw-away public key infrastructure for the loopback test world: one test CA and one server
 * certificate for the host names the stand-ins serve (see {@code src/test/resources/test-hosts}, which maps
 * them to 127.0.0.1). Clients trust only this CA, so chain and host-name verification run for real.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TestPki {

    /** The AWS IoT endpoint name the cloud API stand-in hands out. */
    public static final String IOT_ENDPOINT = "a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com";
    /** The host name of the Dyson cloud API stand-in. */
    public static final String CLOUD_API_HOST = "appapi.cp.dyson.test";
    /** A name in the hosts file that resolves to loopback but is not in the certificate. */
    public static final String UNCERTIFIED_HOST = "localhost";

    private static final char[] PASSWORD = "test-world".toCharArray();
    private static volatile @org.eclipse.jdt.annotation.Nullable TestPki instance;

    private final X509Certificate caCertificate;
    private final KeyStore serverKeyStore;
    private final KeyStore trustStore;

    private TestPki() throws GeneralSecurityException, Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair serverKeys = generator.generateKeyPair();
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofDays(1)));
        Date until = Date.from(now.plus(Duration.ofDays(30)));
        X500Name caName = new X500Name("CN=Dyson Binding Test CA");
        ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());

        X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), from, until, caName,
                caKeys.getPublic());
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        caCertificate = new JcaX509CertificateConverter().getCertificate(ca.build(caSigner));

        X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), from, until,
                new X500Name("CN=" + IOT_ENDPOINT), serverKeys.getPublic());
        server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        server.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, IOT_ENDPOINT),
                        new GeneralName(GeneralName.dNSName, "*.iot.eu-west-1.amazonaws.com"),
                        new GeneralName(GeneralName.dNSName, CLOUD_API_HOST) }));
        X509Certificate serverCertificate = new JcaX509CertificateConverter()
                .getCertificate(server.build(caSigner));

        serverKeyStore = KeyStore.getInstance("PKCS12");
        serverKeyStore.load(null, null);
        serverKeyStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD,
                new X509Certificate[] { serverCertificate, caCertificate });

        trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("test-ca", caCertificate);
    }

    /** The one PKI of this JVM (made once; certificates are cheap to share between tests). */
    public static TestPki get() {
        TestPki pki = instance;
        if (pki == null) {
            synchronized (TestPki.class) {
                pki = instance;
                if (pki == null) {
                    try {
                        pki = new TestPki();
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot create the test PKI", e);
                    }
                    instance = pki;
                }
            }
        }
        return pki;
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Key store holding the server key and chain (PKCS12, password {@link #keyStorePassword()}). */
    public KeyStore serverKeyStore() {
        return serverKeyStore;
    }

    public String keyStorePassword() {
        return new String(PASSWORD);
    }

    /** Trust store holding only the test CA. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** A client context that trusts only the test CA. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context presenting the server certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverKeyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }
}
