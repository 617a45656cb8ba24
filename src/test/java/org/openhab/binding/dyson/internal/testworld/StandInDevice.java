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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One device of an account in {@link DysonCloudStandIn}, as the manifest will list it. Start from
 * {@link #purifier} and adjust with the {@code with...} methods.
 *
 * @param serial serial number
 * @param name user-assigned name (null: the manifest sends {@code null})
 * @param type product type code
 * @param variant variant letter or null
 * @param model marketing model
 * @param productName product name
 * @param connectionCategory {@code wifiOnly}, {@code lecAndWifi}, {@code lecOnly}, {@code nonConnected}
 * @param connected whether the manifest has a {@code connectedConfiguration}
 * @param mqttRootTopicLevel listed root topic level, or null to leave it out
 * @param remoteBrokerType {@code wss}, {@code mqtts} or null
 * @param localPassword the device's local MQTT password ({@code apPasswordHash}); null: cloud only
 * @param capabilities firmware capabilities
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record StandInDevice(String serial, @Nullable String name, String type, @Nullable String variant, String model,
        String productName, String connectionCategory, boolean connected, @Nullable String mqttRootTopicLevel,
        @Nullable String remoteBrokerType, @Nullable String localPassword, List<String> capabilities) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public StandInDevice {
        capabilities = List.copyOf(capabilities);
    }

    /** A Wi-Fi purifier reachable locally and through AWS IoT, with a random local password. */
    public static StandInDevice purifier(String serial, String type, @Nullable String variant, String model) {
        String root = variant == null ? type : type + variant;
        return new StandInDevice(serial, "Bedroom " + model, type, variant, model, "Dyson Purifier " + model,
                "lecAndWifi", true, root, "wss", randomLocalPassword(),
                List.of("AdvanceOscillationDay1", "Scheduling", "EnvironmentalData", "ExtendedAQ", "ChangeWifi"));
    }

    /** A password as devices have them: base64 of a SHA-512 hash (88 characters). */
    public static String randomLocalPassword() {
        byte[] sticker = new byte[8];
        RANDOM.nextBytes(sticker);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512")
                    .digest(Base64.getEncoder().encodeToString(sticker).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public StandInDevice withName(@Nullable String newName) {
        return new StandInDevice(serial, newName, type, variant, model, productName, connectionCategory, connected,
                mqttRootTopicLevel, remoteBrokerType, localPassword, capabilities);
    }

    /** Without {@code localBrokerCredentials}: reachable through AWS IoT only. */
    public StandInDevice cloudOnly() {
        return new StandInDevice(serial, name, type, variant, model, productName, connectionCategory, connected,
                mqttRootTopicLevel, "wss", null, capabilities);
    }

    public StandInDevice withRemoteBrokerType(@Nullable String newType) {
        return new StandInDevice(serial, name, type, variant, model, productName, connectionCategory, connected,
                mqttRootTopicLevel, newType, localPassword, capabilities);
    }

    public StandInDevice withRootTopicLevel(@Nullable String newRoot) {
        return new StandInDevice(serial, name, type, variant, model, productName, connectionCategory, connected,
                newRoot, remoteBrokerType, localPassword, capabilities);
    }

    /** A product without MQTT: {@code lecOnly} or {@code nonConnected}, no connected configuration. */
    public StandInDevice notConnected(String category) {
        return new StandInDevice(serial, name, type, variant, model, productName, category, false,
                mqttRootTopicLevel, null, null, new ArrayList<>());
    }
}
