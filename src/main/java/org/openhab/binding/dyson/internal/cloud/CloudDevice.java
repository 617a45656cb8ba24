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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.dto.ManifestDevice;

/**
 * One device of the account, as the {@code GET /v3/manifest} lists it (protocol reference §2.5), validated.
 * {@link #toString()} leaves out the (encrypted) local broker credentials.
 *
 * @param serialNumber the serial: local MQTT user name and second topic level
 * @param name the user-assigned name, else the product name, else the serial
 * @param productType product type code as listed ({@code type}), e.g. {@code 438} (may lack the variant letter)
 * @param variant variant letter, if any
 * @param model marketing model, e.g. {@code TP07}
 * @param productName e.g. {@code Dyson Purifier Cool}
 * @param category {@code ec}, {@code robot}, {@code flrc}, ...
 * @param connectionCategory {@code wifiOnly}, {@code lecAndWifi}, {@code lecOnly}, {@code nonConnected}
 * @param connected whether the manifest has a {@code connectedConfiguration}
 * @param firmwareVersion firmware version, if listed
 * @param capabilities firmware capabilities (empty when not listed)
 * @param mqttRootTopicLevel the first MQTT topic level (listed, else derived from type and variant)
 * @param remoteBrokerType {@code wss} (or {@code mqtts}) when the device is reachable through AWS IoT
 * @param localBrokerCredentials the encrypted local MQTT password, absent for cloud-only devices
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record CloudDevice(String serialNumber, String name, String productType, @Nullable String variant,
        @Nullable String model, @Nullable String productName, @Nullable String category,
        @Nullable String connectionCategory, boolean connected, @Nullable String firmwareVersion,
        List<String> capabilities, String mqttRootTopicLevel, @Nullable String remoteBrokerType,
        @Nullable String localBrokerCredentials) {

    /** Serials go into MQTT topics: no separators, wildcards or spaces. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern TOPIC_LEVEL = Pattern.compile("[A-Za-z0-9._-]+");

    public CloudDevice {
        capabilities = List.copyOf(capabilities);
    }

    /**
     * Converts and validates one manifest entry.
     *
     * @throws IllegalArgumentException naming what is wrong (without secrets) when the entry is unusable
     */
    public static CloudDevice fromManifest(ManifestDevice entry) {
        String serial = entry.serialNumber;
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("missing or invalid serialNumber");
        }
        String type = blankToNull(entry.type);
        String variant = blankToNull(entry.variant);
        String productName = blankToNull(entry.productName);
        String name = blankToNull(entry.name);
        if (name == null) {
            name = productName != null ? productName : serial;
        }
        ManifestDevice.ConnectedConfiguration configuration = entry.connectedConfiguration;
        ManifestDevice.Firmware firmware = configuration == null ? null : configuration.firmware;
        ManifestDevice.Mqtt mqtt = configuration == null ? null : configuration.mqtt;
        String root = mqtt == null ? null : blankToNull(mqtt.mqttRootTopicLevel);
        if (root == null) {
            root = derivedRootTopicLevel(type, variant);
        }
        if (type == null) {
            type = root;
        }
        if (root == null || type == null) {
            throw new IllegalArgumentException("device " + serial + " has neither type nor mqttRootTopicLevel");
        }
        if (!TOPIC_LEVEL.matcher(root).matches()) {
            throw new IllegalArgumentException("device " + serial + " has an invalid mqttRootTopicLevel");
        }
        List<String> capabilities = new ArrayList<>();
        List<@Nullable String> listed = firmware == null ? null : firmware.capabilities;
        if (listed != null) {
            for (String capability : listed) {
                if (capability != null) {
                    capabilities.add(capability);
                }
            }
        }
        return new CloudDevice(serial, name, type, variant, blankToNull(entry.model), productName,
                blankToNull(entry.category), blankToNull(entry.connectionCategory), configuration != null,
                firmware == null ? null : blankToNull(firmware.version), capabilities, root,
                mqtt == null ? null : blankToNull(mqtt.remoteBrokerType),
                mqtt == null ? null : blankToNull(mqtt.localBrokerCredentials));
    }

    /** §2.5 fallback: {@code type} if it already ends in a letter, else {@code type + variant}. */
    static @Nullable String derivedRootTopicLevel(@Nullable String type, @Nullable String variant) {
        if (type == null) {
            return null;
        }
        if (Character.isLetter(type.charAt(type.length() - 1)) || variant == null) {
            return type;
        }
        return type + variant;
    }

    /** False for BLE-only and non-connected products and for entries without a connected configuration. */
    public boolean isMqttCapable() {
        String category = connectionCategory;
        return connected && !"lecOnly".equalsIgnoreCase(category) && !"nonConnected".equalsIgnoreCase(category);
    }

    /** True when the device is reachable through AWS IoT ({@code remoteBrokerType} {@code wss} or {@code mqtts}). */
    public boolean usesRemoteBroker() {
        String type = remoteBrokerType;
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return "wss".equals(lower) || "mqtts".equals(lower);
    }

    /** True when the manifest carries an encrypted local MQTT password (false: cloud only). */
    public boolean hasLocalCredentials() {
        return localBrokerCredentials != null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "CloudDevice[serial=" + serialNumber + ", name=" + name + ", type=" + productType + ", model=" + model
                + ", root=" + mqttRootTopicLevel + ", connection=" + connectionCategory + ", remoteBroker="
                + remoteBrokerType + ", localCredentials=" + hasLocalCredentials() + "]";
    }
}
