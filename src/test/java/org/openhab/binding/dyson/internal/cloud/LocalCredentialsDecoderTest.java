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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;

/**
 * Decryption of {@code localBrokerCredentials} (protocol reference §2.6).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class LocalCredentialsDecoderTest {

    /** Public test vector of the libpurecool test suite. */
    private static final String VECTOR = "1/aJ5t52WvAfn+z+fjDuef86kQDQPefbQ6/70ZGysII1Ke1i0ZHakFH84DZuxsSQ4KTT2vbCm"
            + "7uYeTORULKLKQ==";

    @Test
    void decryptsThePublicTestVector() throws Exception {
        LocalCredentials credentials = LocalCredentialsDecoder.decrypt(VECTOR);
        assertEquals("device-id-1", credentials.serial());
        assertEquals("password1", credentials.password());
        assertFalse(credentials.toString().contains("password1"));
    }

    @Test
    void keepsThePasswordHashAsIs() throws Exception {
        String hash = "o6jIG8l8JWABDXOJvIiqyXShBODiOBIgxuCExNzNHS0X1PhtsxwqhR3IDmaB10czxV3NA92W9gYs3aEqKRrmzg==";
        String encrypted = DysonCloudStandIn
                .encryptLocalCredentials("{\"serial\":\"AB1-EU-KAA0000A\",\"apPasswordHash\":\"" + hash + "\"}");
        assertEquals(new LocalCredentials("AB1-EU-KAA0000A", hash), LocalCredentialsDecoder.decrypt(encrypted));
    }

    @Test
    void ignoresBytesAfterTheFirstObject() throws Exception {
        String encrypted = DysonCloudStandIn.encryptLocalCredentials(
                "{\"serial\":\"JH1-US-HBB1111A\",\"apPasswordHash\":\"robotPass\"}\u0000\u0007{\"extra\":tru");
        LocalCredentials credentials = LocalCredentialsDecoder.decrypt(encrypted);
        assertEquals("JH1-US-HBB1111A", credentials.serial());
        assertEquals("robotPass", credentials.password());
    }

    /** The robots' credentials are zero-padded (protocol notes §2.6): a strict PKCS#7 decrypt fails on them. */
    @Test
    void decryptsZeroPaddedCredentialsAsTheRobotsHaveThem() throws Exception {
        String encrypted = zeroPadded("{\"serial\":\"JH1-EU-HBB1111A\",\"apPasswordHash\":\"robotPass==\"}");
        assertEquals(new LocalCredentials("JH1-EU-HBB1111A", "robotPass=="), LocalCredentialsDecoder.decrypt(encrypted));
    }

    @Test
    void aMissingSerialLeavesItEmpty() throws Exception {
        assertEquals(new LocalCredentials("", "robotPass"),
                LocalCredentialsDecoder.decrypt(zeroPadded("{\"apPasswordHash\":\"robotPass\"}")));
        assertEquals(new LocalCredentials("", "fanPass"), LocalCredentialsDecoder
                .decrypt(DysonCloudStandIn.encryptLocalCredentials("{\"apPasswordHash\":\"fanPass\"}")));
    }

    /** AES-256-CBC as Dyson does it, padded with zero bytes instead of PKCS#7. */
    private static String zeroPadded(String plainText) throws Exception {
        byte[] plain = plainText.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(plain, (plain.length / 16 + 1) * 16);
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(new byte[16]));
        return Base64.getEncoder().encodeToString(cipher.doFinal(padded));
    }

    @Test
    void rejectsWhatIsNotBase64() {
        assertMalformed("not base64 at all!");
    }

    @Test
    void rejectsCiphertextOfTheWrongLength() {
        assertMalformed("AAAAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void rejectsPlainTextThatIsNotACredentialsObject() {
        assertMalformed(DysonCloudStandIn.encryptLocalCredentials("[\"serial\"]"));
        assertMalformed(DysonCloudStandIn.encryptLocalCredentials("{\"serial\":\"AB1-EU-KAA0000A\"}"));
        assertMalformed(new String(Base64.getEncoder().encode(new byte[32]), StandardCharsets.US_ASCII));
    }

    private static void assertMalformed(String value) {
        DysonCloudException e = assertThrows(DysonCloudException.class, () -> LocalCredentialsDecoder.decrypt(value));
        assertEquals(DysonCloudException.Kind.MALFORMED_RESPONSE, e.getKind());
        assertFalse(e.isRetryable());
        assertFalse(String.valueOf(e.getMessage()).contains(value), "the value must not be in the message");
    }
}
