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

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.cloud.dto.DecryptedBrokerCredentials;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

/**
 * Decrypts the manifest's {@code localBrokerCredentials} (protocol reference §2.6): base64, AES-256-CBC with the
 * fixed key {@code 01 02 .. 20}, zero IV; the plain text starts with {@code {"serial":...,"apPasswordHash":...}} and
 * may be followed by other bytes, which are ignored. The padding is PKCS#7 on the air treatment devices but zero bytes
 * on the robot vacuums' credentials (public 360 Vis Nav fixtures), so the block is decrypted without padding and every
 * trailing byte from {@code 0x00} to {@code 0x10} dropped. Only {@code apPasswordHash} is required; without a serial
 * the result has an empty one (the manifest's serial is the user name anyway).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LocalCredentialsDecoder {

    private static final byte[] KEY = new byte[32];
    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i + 1);
        }
    }
    private static final Gson GSON = new Gson();

    private LocalCredentialsDecoder() {
    }

    /**
     * Decrypts the credentials; the password is the {@code apPasswordHash} as is, the serial the one inside.
     *
     * @throws DysonCloudException {@link DysonCloudException.Kind#MALFORMED_RESPONSE} when the value cannot be
     *             decoded, decrypted or parsed (the message never contains the value)
     */
    public static LocalCredentials decrypt(String localBrokerCredentials) throws DysonCloudException {
        byte[] plain;
        try {
            byte[] encrypted = Base64.getDecoder().decode(localBrokerCredentials.trim());
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(new byte[16]));
            plain = withoutPadding(cipher.doFinal(encrypted));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw malformed("cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        }
        DecryptedBrokerCredentials parsed;
        try {
            JsonReader reader = new JsonReader(new StringReader(new String(plain, StandardCharsets.UTF_8)));
            reader.setLenient(true);
            JsonElement first = JsonParser.parseReader(reader);
            parsed = first.isJsonObject() ? GSON.fromJson(first, DecryptedBrokerCredentials.class) : null;
        } catch (JsonParseException | IllegalStateException e) {
            throw malformed("do not start with a JSON object");
        }
        String serial = parsed == null ? null : parsed.serial;
        String password = parsed == null ? null : parsed.apPasswordHash;
        if (password == null || password.isEmpty()) {
            throw malformed("lack apPasswordHash");
        }
        return new LocalCredentials(serial == null ? "" : serial.trim(), password);
    }

    /** The plain text without its padding: PKCS#7 bytes ({@code 0x01}-{@code 0x10}) or zero bytes at the end. */
    private static byte[] withoutPadding(byte[] plain) {
        int end = plain.length;
        while (end > 0 && plain[end - 1] >= 0 && plain[end - 1] <= 0x10) {
            end--;
        }
        return Arrays.copyOf(plain, end);
    }

    private static DysonCloudException malformed(String reason) {
        return new DysonCloudException(DysonCloudException.Kind.MALFORMED_RESPONSE,
                "The local broker credentials from the Dyson cloud " + reason);
    }
}
