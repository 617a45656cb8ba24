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
package org.openhab.binding.dyson.internal.device;

import static org.openhab.binding.dyson.internal.device.Sensor.CO2;
import static org.openhab.binding.dyson.internal.device.Sensor.DUST_INDEX;
import static org.openhab.binding.dyson.internal.device.Sensor.FORMALDEHYDE;
import static org.openhab.binding.dyson.internal.device.Sensor.HUMIDITY;
import static org.openhab.binding.dyson.internal.device.Sensor.NO2;
import static org.openhab.binding.dyson.internal.device.Sensor.PARTICULATES;
import static org.openhab.binding.dyson.internal.device.Sensor.TEMPERATURE;
import static org.openhab.binding.dyson.internal.device.Sensor.VOC;
import static org.openhab.binding.dyson.internal.device.Sensor.VOC_INDEX;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The product types of §5, by MQTT topic root ({@code mqttRootTopicLevel}), with their family (thing type), model
 * names and the capabilities the table promises: the air treatment devices and the robot vacuums (§8), which have no
 * oscillation, airflow control or sensors. The actual capabilities are refined from the keys a device sends, see
 * {@link Capabilities}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum ProductType {
    TYPE_469("469", DeviceFamily.PURE_COOL_LINK, "Pure Cool Link Desk", List.of("DP01"), OscillationKind.ON_OFF,
            AirflowControl.NONE, linkSensors()),
    TYPE_475("475", DeviceFamily.PURE_COOL_LINK, "Pure Cool Link", List.of("TP02"), OscillationKind.ON_OFF,
            AirflowControl.NONE, linkSensors()),
    TYPE_455("455", DeviceFamily.PURE_HOT_COOL_LINK, "Pure Hot+Cool Link", List.of("HP02"), OscillationKind.ON_OFF,
            AirflowControl.JET_FOCUS, linkSensors()),
    TYPE_438("438", DeviceFamily.PURE_COOL, "Pure Cool", List.of("TP04", "TP06"), OscillationKind.D1,
            AirflowControl.DIRECTION, newerSensors(false)),
    TYPE_438E("438E", DeviceFamily.PURE_COOL, "Purifier Cool Formaldehyde", List.of("TP07", "TP09"),
            OscillationKind.D1, AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_438K("438K", DeviceFamily.PURE_COOL, "Purifier Cool Formaldehyde", List.of("TP07", "TP09", "TP12", "PC2"),
            OscillationKind.D1, AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_438M("438M", DeviceFamily.PURE_COOL, "Purifier Cool", List.of("TP11", "PC1"), OscillationKind.D0,
            AirflowControl.NONE, EnumSet.of(PARTICULATES)),
    TYPE_520("520", DeviceFamily.PURE_COOL, "Pure Cool Desk", List.of("DP04"), OscillationKind.D1,
            AirflowControl.DIRECTION, newerSensors(false)),
    TYPE_527("527", DeviceFamily.PURE_HOT_COOL, "Pure Hot+Cool", List.of("HP04", "HP06"), OscillationKind.D1,
            AirflowControl.DIRECTION, newerSensors(false)),
    TYPE_527E("527E", DeviceFamily.PURE_HOT_COOL, "Purifier Hot+Cool", List.of("HP07", "HP09"), OscillationKind.D1,
            AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_527K("527K", DeviceFamily.PURE_HOT_COOL, "Purifier Hot+Cool Formaldehyde", List.of("HP09", "HP07"),
            OscillationKind.D1, AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_527M("527M", DeviceFamily.PURE_HOT_COOL, "Purifier Hot+Cool", List.of("HP1", "HP11"), OscillationKind.D1,
            AirflowControl.DIRECTION, newerSensors(false)),
    TYPE_358("358", DeviceFamily.PURE_HUMIDIFY_COOL, "Pure Humidify+Cool", List.of("PH01", "PH02"),
            OscillationKind.PRESET, AirflowControl.DIRECTION, newerSensors(false)),
    TYPE_358E("358E", DeviceFamily.PURE_HUMIDIFY_COOL, "Purifier Humidify+Cool Formaldehyde",
            List.of("PH03", "PH04"), OscillationKind.PRESET, AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_358K("358K", DeviceFamily.PURE_HUMIDIFY_COOL, "Purifier Humidify+Cool Formaldehyde",
            List.of("PH04", "PH05"), OscillationKind.PRESET, AirflowControl.DIRECTION, newerSensors(true)),
    TYPE_664("664", DeviceFamily.BIG_QUIET, "Purifier Big+Quiet", List.of("BP02", "BP03", "BP04", "BP06"),
            OscillationKind.TILT, AirflowControl.DIRECTION, bigQuietSensors()),
    TYPE_N223("N223", DeviceFamily.ROBOT_360_EYE, "360 Eye", List.of("RB01"), OscillationKind.NONE,
            AirflowControl.NONE, Set.of()),
    TYPE_276("276", DeviceFamily.ROBOT_360_HEURIST, "360 Heurist", List.of("RB02"), OscillationKind.NONE,
            AirflowControl.NONE, Set.of()),
    TYPE_277("277", DeviceFamily.ROBOT_360_VIS_NAV, "360 Vis Nav", List.of("RB03"), OscillationKind.NONE,
            AirflowControl.NONE, Set.of());

    private final String rootTopic;
    private final DeviceFamily family;
    private final String productName;
    private final List<String> models;
    private final OscillationKind oscillation;
    private final AirflowControl airflow;
    private final Set<Sensor> sensors;

    ProductType(String rootTopic, DeviceFamily family, String productName, List<String> models,
            OscillationKind oscillation, AirflowControl airflow, Set<Sensor> sensors) {
        this.rootTopic = rootTopic;
        this.family = family;
        this.productName = productName;
        this.models = models;
        this.oscillation = oscillation;
        this.airflow = airflow;
        this.sensors = Set.copyOf(sensors);
    }

    private static Set<Sensor> linkSensors() {
        return EnumSet.of(TEMPERATURE, HUMIDITY, DUST_INDEX, VOC_INDEX);
    }

    private static Set<Sensor> newerSensors(boolean formaldehyde) {
        Set<Sensor> sensors = EnumSet.of(TEMPERATURE, HUMIDITY, PARTICULATES, VOC, NO2);
        if (formaldehyde) {
            sensors.add(FORMALDEHYDE);
        }
        return sensors;
    }

    private static Set<Sensor> bigQuietSensors() {
        Set<Sensor> sensors = newerSensors(true);
        sensors.add(CO2);
        return sensors;
    }

    /** The product type of an MQTT topic root such as {@code 438K} (case-insensitive), or null if not known. */
    public static @Nullable ProductType fromRootTopic(String rootTopic) {
        String wanted = rootTopic.trim().toUpperCase(Locale.ROOT);
        for (ProductType type : values()) {
            if (type.rootTopic.equals(wanted)) {
                return type;
            }
        }
        return null;
    }

    /** Every known MQTT topic root, in the order of this enum. */
    public static List<String> rootTopics() {
        return Arrays.stream(values()).map(ProductType::rootTopic).toList();
    }

    /** The MQTT topic root, e.g. {@code 438K}. */
    public String rootTopic() {
        return rootTopic;
    }

    public DeviceFamily family() {
        return family;
    }

    /** The thing type id of the family, e.g. {@code pure-cool}. */
    public String thingTypeId() {
        return family.thingTypeId();
    }

    /** The marketing name, e.g. {@code Purifier Cool Formaldehyde}. */
    public String productName() {
        return productName;
    }

    /** Model codes sold under this type, e.g. {@code TP07}, {@code TP09}. */
    public List<String> models() {
        return models;
    }

    public OscillationKind oscillation() {
        return oscillation;
    }

    public AirflowControl airflow() {
        return airflow;
    }

    /** Whether this is a robot vacuum. */
    public boolean isRobot() {
        return family.isRobot();
    }

    public boolean hasHeating() {
        return family == DeviceFamily.PURE_HOT_COOL || family == DeviceFamily.PURE_HOT_COOL_LINK;
    }

    public boolean hasHumidifier() {
        return family == DeviceFamily.PURE_HUMIDIFY_COOL;
    }

    /** The sensors §5 lists for the type (the formaldehyde and CO2 sensors may still be missing on a unit). */
    public Set<Sensor> sensors() {
        return sensors;
    }
}
