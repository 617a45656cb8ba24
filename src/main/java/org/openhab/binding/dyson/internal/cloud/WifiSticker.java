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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the Wi-Fi sticker of older devices tells (protocol reference §2.6): serial and product type from the SSID,
 * and the local MQTT password derived from the sticker's Wi-Fi password, for logging in without the cloud.
 *
 * @param serial the device serial
 * @param productType the MQTT topic root derived from the SSID (e.g. {@code 475}, {@code 455}, {@code N223})
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record WifiSticker(String serial, String productType) {

    private static final Pattern FAN_SSID = Pattern
            .compile("^DYSON-([0-9A-Z]{3}-[A-Z]{2}-[0-9A-Z]{8,})-([0-9]{3}[A-Z]?)$");
    private static final Pattern EYE_SSID = Pattern.compile("^360EYE-([0-9A-Z]{3}-[A-Z]{2}-[0-9A-Z]{8,})$");

    /** Parses a sticker SSID ({@code DYSON-<serial>-<type>} or {@code 360EYE-<serial>}); null if it is neither. */
    public static @Nullable WifiSticker parseSsid(String ssid) {
        String trimmed = ssid.trim();
        Matcher fan = FAN_SSID.matcher(trimmed);
        if (fan.matches()) {
            String type = fan.group(2);
            return new WifiSticker(fan.group(1), "455A".equals(type) ? "455" : type);
        }
        Matcher eye = EYE_SSID.matcher(trimmed);
        if (eye.matches()) {
            return new WifiSticker(eye.group(1), "N223");
        }
        return null;
    }

    /** The local MQTT password: Base64(SHA-512(UTF-8(sticker Wi-Fi password))). */
    public static String mqttPassword(String wifiPassword) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512").digest(wifiPassword.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    /** The local MQTT login of this device for the sticker's Wi-Fi password. */
    public LocalCredentials credentials(String wifiPassword) {
        return new LocalCredentials(serial, mqttPassword(wifiPassword));
    }
}
