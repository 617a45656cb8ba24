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

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The three Dyson robot vacuums the test world simulates, with what differs between them on the wire and in the
 * cloud's manifest. Where a value comes from a capture ({@code src/test/resources/captures/N223}, {@code .../277}) it
 * says so; the 360 Heurist was never captured and its values are taken from the public clients (libdyson's
 * {@code dyson_360_heurist.py}, matterbridge-dyson-robot's 360 types and its issue #13) or kept like the Eye's.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum RobotModel {

    /**
     * 360 Eye: power modes {@code halfPower}/{@code fullPower} (captured N223/02: {@code "halfPower"}, N223/01:
     * {@code "fullPower"}); firmware {@code 11.3.5.10} (captured HELLO, N223/01); no cleaning modes, no active-fault
     * list, camelCase state keys in device order (N223/02, flag O).
     */
    EYE("N223", "RB01", "Dyson 360 Eye", "11.3.5.10", false, List.of("halfPower", "fullPower"), "fullPower",
            List.of("Scheduling", "ChangeWifi")),
    /**
     * 360 Heurist (no capture): power modes {@code 1}-{@code 3} (quiet/high/max: libdyson
     * {@code VacuumHeuristPowerMode}, matterbridge {@code Dyson360HeuristPowerMode}); START needs
     * {@code cleaningMode} (libdyson {@code start_all_zones}); the state carries {@code activeFaults},
     * {@code channel}, {@code rssi}, {@code sessionId} and a cleaning strategy like the Vis Nav (matterbridge issue
     * #13, a docked Heurist's CURRENT-STATE). The firmware version format is assumed like the Vis Nav's.
     */
    HEURIST("276", "RB02", "Dyson 360 Heurist", "RB02PR.01.05.003.0008", false, List.of("1", "2", "3"), "2",
            List.of("Scheduling", "Mapping", "DirectedCleaning", "ChangeWifi")),
    /**
     * 360 Vis Nav: cloud-only in practice (protocol notes §8, survey: local MQTT gone since a 2024 firmware), so the
     * manifest carries no {@code localBrokerCredentials}; power is chosen as the cleaning strategy
     * {@code auto}/{@code quick}/{@code quiet}/{@code boost} with STATE-SET {@code defaults} (captured 277/01, the
     * MyDyson app); firmware {@code RB03PR.01.08.006.5079} (capture index); capabilities as hass-dyson's robot
     * protocol notes list them for the 277.
     */
    VIS_NAV("277", "RB03", "Dyson 360 Vis Nav", "RB03PR.01.08.006.5079", true,
            List.of("auto", "quick", "quiet", "boost"), "auto", List.of("Mapping", "Restrictions", "DirectedCleaning",
                    "ChangeWifi", "CleaningStrategies", "ActiveFaults", "DustDetection", "OutOfBoxState"));

    private final String type;
    private final String model;
    private final String productName;
    private final String firmware;
    private final boolean cloudOnly;
    private final List<String> powerModes;
    private final String defaultPowerMode;
    private final List<String> capabilities;

    RobotModel(String type, String model, String productName, String firmware, boolean cloudOnly,
            List<String> powerModes, String defaultPowerMode, List<String> capabilities) {
        this.type = type;
        this.model = model;
        this.productName = productName;
        this.firmware = firmware;
        this.cloudOnly = cloudOnly;
        this.powerModes = powerModes;
        this.defaultPowerMode = defaultPowerMode;
        this.capabilities = capabilities;
    }

    /** The product type, which is also the MQTT topic root ({@code N223}, {@code 276}, {@code 277}). */
    public String type() {
        return type;
    }

    /** The marketing model ({@code RB01}, {@code RB02}, {@code RB03}). */
    public String model() {
        return model;
    }

    /** The product name as the manifest lists it ({@code Dyson 360 Eye}, as matterbridge's cloud types show it). */
    public String productName() {
        return productName;
    }

    public String firmware() {
        return firmware;
    }

    /** Whether the robot has no local MQTT broker any more (Vis Nav). */
    public boolean cloudOnly() {
        return cloudOnly;
    }

    /**
     * The values of the default power setting a client may write: {@code defaultVacuumPowerMode} on the Eye and the
     * Heurist, {@code defaultCleaningStrategy} on the Vis Nav.
     */
    public List<String> powerModes() {
        return powerModes;
    }

    /** The power setting a new robot starts with. */
    public String defaultPowerMode() {
        return defaultPowerMode;
    }

    public List<String> capabilities() {
        return capabilities;
    }

    /** Whether the model takes and reports {@code cleaningMode} ({@code global}/{@code zoneConfigured}). */
    public boolean hasCleaningModes() {
        return this != EYE;
    }

    /** Whether the state carries {@code activeFaults}, {@code channel}, {@code rssi} and {@code sessionId}. */
    public boolean hasActiveFaults() {
        return this != EYE;
    }

    /** The model of a product type, or null when it is no robot the test world simulates. */
    public static @Nullable RobotModel fromType(@Nullable String type) {
        return Arrays.stream(values()).filter(model -> model.type.equalsIgnoreCase(String.valueOf(type)))
                .findFirst().orElse(null);
    }

    /** The serial of the simulated robot of this model in the standalone simulator: {@code SIM-EU-N2230001}. */
    public String simulatorSerial() {
        return DysonTestWorld.serialFor(type);
    }

    /**
     * The robot as the cloud's manifest lists it: category {@code robot} (protocol notes §2.5, matterbridge's
     * {@code DysonManifestCategory.RobotVacuum}), Wi-Fi only (robots have no BLE set-up in any client; assumed),
     * remote broker {@code wss}, topic root = type, no variant. The Vis Nav is listed without local credentials.
     */
    public StandInDevice standInDevice(String serial, String localPassword) {
        return new StandInDevice(serial, "Simulated " + productName.substring("Dyson ".length()), type, null, model,
                productName, "wifiOnly", true, type, "wss", cloudOnly ? null : localPassword, capabilities);
    }
}
