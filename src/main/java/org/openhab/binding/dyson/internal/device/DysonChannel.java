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

import static org.openhab.binding.dyson.internal.device.ChannelDecoders.celsius;
import static org.openhab.binding.dyson.internal.device.ChannelDecoders.onOff;
import static org.openhab.binding.dyson.internal.device.ChannelDecoders.quantity;
import static org.openhab.binding.dyson.internal.device.ChannelDecoders.text;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;

/**
 * The channel catalogue: every channel of every device thing type with its group, id, channel type, item type,
 * access, the keys that feed it, the families that have it, and its decoder. A robot vacuum's channels are fed by the
 * top-level keys of its messages ({@link KeySource#ATTRIBUTE}, §8). Channel ids are unique across groups;
 * the channel UID is {@code <group>#<id>}. The OH-INF XML and the README tables agree with this enum (tested).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum DysonChannel {
    // control
    POWER(ChannelGroup.CONTROL, "power", "system.power", ItemType.SWITCH, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT, List.of("fpwr", "fmod"), ChannelDecoders::power),
    FAN_SPEED(ChannelGroup.CONTROL, "fan-speed", ItemType.NUMBER, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT, List.of("fnsp"), s -> ChannelDecoders.fanSpeed(s.product("fnsp"))),
    AUTO_MODE(ChannelGroup.CONTROL, "auto-mode", ItemType.SWITCH, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT, List.of("auto", "fmod"), ChannelDecoders::autoMode),
    NIGHT_MODE(ChannelGroup.CONTROL, "night-mode", ItemType.SWITCH, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT, List.of("nmod"), s -> onOff(s.product("nmod"))),
    CONTINUOUS_MONITORING(ChannelGroup.CONTROL, "continuous-monitoring", ItemType.SWITCH, Access.READ_WRITE,
            FamilySets.AIR, KeySource.PRODUCT, List.of("rhtm"), s -> onOff(s.product("rhtm"))),
    AIRFLOW_DIRECTION(ChannelGroup.CONTROL, "airflow-direction", ItemType.SWITCH, Access.READ_WRITE,
            FamilySets.NEWER, KeySource.PRODUCT, List.of("fdir"), s -> onOff(s.product("fdir"))),
    JET_FOCUS(ChannelGroup.CONTROL, "jet-focus", ItemType.SWITCH, Access.READ_WRITE, FamilySets.JET_FOCUS,
            KeySource.PRODUCT, List.of("ffoc"), s -> onOff(s.product("ffoc"))),
    SLEEP_TIMER(ChannelGroup.CONTROL, "sleep-timer", ItemType.TIME, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT_OR_SENSOR, List.of("sltm"), s -> ChannelDecoders.sleepTimer(s.value("sltm"))),
    AIR_QUALITY_TARGET(ChannelGroup.CONTROL, "air-quality-target", ItemType.STRING, Access.READ_WRITE,
            FamilySets.LINK_KEYS, KeySource.PRODUCT, List.of("qtar"), s -> text(s.product("qtar"))),

    // oscillation
    OSCILLATION(ChannelGroup.OSCILLATION, "oscillation", ItemType.SWITCH, Access.READ_WRITE, FamilySets.AIR,
            KeySource.PRODUCT, List.of("oson", "oton"), ChannelDecoders::oscillation),
    LOWER_ANGLE(ChannelGroup.OSCILLATION, "lower-angle", ItemType.ANGLE, Access.READ_WRITE, FamilySets.ANGLES,
            KeySource.PRODUCT, List.of("osal"), s -> quantity(s.product("osal"), DysonUnit.DEGREE)),
    UPPER_ANGLE(ChannelGroup.OSCILLATION, "upper-angle", ItemType.ANGLE, Access.READ_WRITE, FamilySets.ANGLES,
            KeySource.PRODUCT, List.of("osau"), s -> quantity(s.product("osau"), DysonUnit.DEGREE)),
    ANGLE_PRESET(ChannelGroup.OSCILLATION, "angle-preset", ItemType.STRING, Access.READ_WRITE,
            FamilySets.ANGLE_PRESETS, KeySource.PRODUCT, List.of("ancp"),
            s -> ChannelDecoders.anglePreset(s.product("ancp"))),
    HUMIDIFIER_ANGLE_PRESET(ChannelGroup.OSCILLATION, "angle-preset", "humidifier-angle-preset", ItemType.STRING,
            Access.READ_WRITE, FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("ancp"),
            s -> ChannelDecoders.anglePreset(s.product("ancp"))),
    TILT(ChannelGroup.OSCILLATION, "tilt", ItemType.STRING, Access.READ_WRITE, FamilySets.BIG_QUIET,
            KeySource.PRODUCT, List.of("otal", "anct"), ChannelDecoders::tilt),

    // heating
    HEATING(ChannelGroup.HEATING, "heating", ItemType.SWITCH, Access.READ_WRITE, FamilySets.HEATERS,
            KeySource.PRODUCT, List.of("hmod"), s -> onOff(s.product("hmod"), "HEAT", "OFF")),
    TARGET_TEMPERATURE(ChannelGroup.HEATING, "target-temperature", ItemType.TEMPERATURE, Access.READ_WRITE,
            FamilySets.HEATERS, KeySource.PRODUCT, List.of("hmax"), s -> celsius(s.product("hmax"))),
    HEATING_ACTIVE(ChannelGroup.HEATING, "heating-active", ItemType.SWITCH, Access.READ_ONLY, FamilySets.HEATERS,
            KeySource.PRODUCT, List.of("hsta"), s -> onOff(s.product("hsta"), "HEAT", "OFF")),

    // humidification
    HUMIDIFICATION(ChannelGroup.HUMIDIFICATION, "humidification", ItemType.SWITCH, Access.READ_WRITE,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("hume"), s -> onOff(s.product("hume"), "HUMD", "OFF")),
    HUMIDIFICATION_AUTO(ChannelGroup.HUMIDIFICATION, "humidification-auto", ItemType.SWITCH, Access.READ_WRITE,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("haut"), s -> onOff(s.product("haut"))),
    TARGET_HUMIDITY(ChannelGroup.HUMIDIFICATION, "target-humidity", ItemType.DIMENSIONLESS, Access.READ_WRITE,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("humt"),
            s -> quantity(s.product("humt"), DysonUnit.PERCENT)),
    AUTO_TARGET_HUMIDITY(ChannelGroup.HUMIDIFICATION, "auto-target-humidity", ItemType.DIMENSIONLESS,
            Access.READ_ONLY, FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("rect"),
            s -> quantity(s.product("rect"), DysonUnit.PERCENT)),
    HUMIDIFYING_NOW(ChannelGroup.HUMIDIFICATION, "humidifying-now", ItemType.SWITCH, Access.READ_ONLY,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("msta"), s -> onOff(s.product("msta"), "HUMD", "OFF")),
    WATER_HARDNESS(ChannelGroup.HUMIDIFICATION, "water-hardness", ItemType.STRING, Access.READ_WRITE,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("wath"),
            s -> ChannelDecoders.mapped(s.product("wath"), ChannelDecoders.WATER_HARDNESS)),
    DEEP_CLEAN_STATE(ChannelGroup.HUMIDIFICATION, "deep-clean-state", ItemType.STRING, Access.READ_ONLY,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("clcr"),
            s -> ChannelDecoders.mapped(s.product("clcr"), ChannelDecoders.DEEP_CLEAN)),
    DEEP_CLEAN_REMAINING(ChannelGroup.HUMIDIFICATION, "deep-clean-remaining", ItemType.TIME, Access.READ_ONLY,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("cdrr"),
            s -> quantity(s.product("cdrr"), DysonUnit.MINUTE)),
    NEXT_DEEP_CLEAN(ChannelGroup.HUMIDIFICATION, "next-deep-clean", ItemType.TIME, Access.READ_ONLY,
            FamilySets.HUMIDIFIERS, KeySource.PRODUCT, List.of("cltr"),
            s -> quantity(s.product("cltr"), DysonUnit.HOUR)),

    // air quality
    TEMPERATURE(ChannelGroup.AIR_QUALITY, "temperature", "system.indoor-temperature", ItemType.TEMPERATURE,
            Access.READ_ONLY, FamilySets.AIR, KeySource.SENSOR, List.of("tact"), s -> celsius(s.sensor("tact"))),
    HUMIDITY(ChannelGroup.AIR_QUALITY, "humidity", "system.atmospheric-humidity", ItemType.DIMENSIONLESS,
            Access.READ_ONLY, FamilySets.AIR, KeySource.SENSOR, List.of("hact"),
            s -> quantity(s.sensor("hact"), DysonUnit.PERCENT)),
    PM25(ChannelGroup.AIR_QUALITY, "pm25", ItemType.DENSITY, Access.READ_ONLY, FamilySets.NEWER, KeySource.SENSOR,
            List.of("p25r", "pm25"),
            s -> ChannelDecoders.preferred(s, "p25r", "pm25", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
    PM10(ChannelGroup.AIR_QUALITY, "pm10", ItemType.DENSITY, Access.READ_ONLY, FamilySets.NEWER, KeySource.SENSOR,
            List.of("p10r", "pm10"),
            s -> ChannelDecoders.preferred(s, "p10r", "pm10", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
    VOC(ChannelGroup.AIR_QUALITY, "voc", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.SENSOR, List.of("va10"), s -> quantity(s.sensor("va10"), DysonUnit.ONE, 1)),
    NO2(ChannelGroup.AIR_QUALITY, "no2", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.SENSOR, List.of("noxl"), s -> quantity(s.sensor("noxl"), DysonUnit.ONE, 1)),
    HCHO(ChannelGroup.AIR_QUALITY, "hcho", ItemType.DENSITY, Access.READ_ONLY, FamilySets.NEWER, KeySource.SENSOR,
            List.of("hchr"), s -> quantity(s.sensor("hchr"), DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
    CO2(ChannelGroup.AIR_QUALITY, "co2", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.BIG_QUIET,
            KeySource.SENSOR, List.of("co2r"), s -> quantity(s.sensor("co2r"), DysonUnit.PPM)),
    DUST_INDEX(ChannelGroup.AIR_QUALITY, "dust-index", ItemType.DIMENSIONLESS, Access.READ_ONLY,
            FamilySets.LINK_KEYS, KeySource.SENSOR, List.of("pact"), s -> quantity(s.sensor("pact"), DysonUnit.ONE)),
    VOC_INDEX(ChannelGroup.AIR_QUALITY, "voc-index", ItemType.DIMENSIONLESS, Access.READ_ONLY,
            FamilySets.LINK_KEYS, KeySource.SENSOR, List.of("vact"), s -> quantity(s.sensor("vact"), DysonUnit.ONE)),

    // filter
    HEPA_LIFE(ChannelGroup.FILTER, "hepa-life", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.PRODUCT, List.of("hflr"), s -> quantity(s.product("hflr"), DysonUnit.PERCENT)),
    CARBON_LIFE(ChannelGroup.FILTER, "carbon-life", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.PRODUCT, List.of("cflr"), s -> quantity(s.product("cflr"), DysonUnit.PERCENT)),
    SCO_LIFE(ChannelGroup.FILTER, "sco-life", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.BIG_QUIET,
            KeySource.PRODUCT, List.of("sflr"), s -> quantity(s.product("sflr"), DysonUnit.PERCENT)),
    HEPA_TYPE(ChannelGroup.FILTER, "hepa-type", ItemType.STRING, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.PRODUCT, List.of("hflt"), s -> text(s.product("hflt"))),
    CARBON_TYPE(ChannelGroup.FILTER, "carbon-type", ItemType.STRING, Access.READ_ONLY, FamilySets.NEWER,
            KeySource.PRODUCT, List.of("cflt"), s -> text(s.product("cflt"))),
    SCO_TYPE(ChannelGroup.FILTER, "sco-type", ItemType.STRING, Access.READ_ONLY, FamilySets.BIG_QUIET,
            KeySource.PRODUCT, List.of("sflt"), s -> text(s.product("sflt"))),
    FILTER_LIFE(ChannelGroup.FILTER, "filter-life", ItemType.TIME, Access.READ_ONLY, FamilySets.LINK_KEYS,
            KeySource.PRODUCT, List.of("filf"), s -> quantity(s.product("filf"), DysonUnit.HOUR)),
    FILTER_RESET(ChannelGroup.FILTER, "filter-reset", ItemType.STRING, Access.WRITE_ONLY, FamilySets.AIR,
            KeySource.NONE, List.of(), ChannelDecoders::undefined),

    // robot vacuums: cleaning
    ROBOT_STATE(ChannelGroup.CLEANING, "state", "robot-state", ItemType.STRING, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("state"), s -> text(s.attribute("state"))),
    CLEANING(ChannelGroup.CLEANING, "cleaning", ItemType.SWITCH, Access.READ_WRITE, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("state"), RobotDecoders::cleaning),
    ROBOT_COMMAND(ChannelGroup.CLEANING, "command", "robot-command", ItemType.STRING, Access.WRITE_ONLY,
            FamilySets.ROBOTS, KeySource.NONE, List.of(), ChannelDecoders::undefined),
    EYE_POWER_MODE(ChannelGroup.CLEANING, "power-mode", "eye-power-mode", ItemType.STRING, Access.READ_WRITE,
            FamilySets.EYE, KeySource.ATTRIBUTE, RobotProfile.EYE.powerModeKeys(),
            s -> RobotProfile.EYE.decodePowerMode(s)),
    HEURIST_POWER_MODE(ChannelGroup.CLEANING, "power-mode", "heurist-power-mode", ItemType.STRING, Access.READ_WRITE,
            FamilySets.HEURIST, KeySource.ATTRIBUTE, RobotProfile.HEURIST.powerModeKeys(),
            s -> RobotProfile.HEURIST.decodePowerMode(s)),
    VIS_NAV_POWER_MODE(ChannelGroup.CLEANING, "power-mode", "vis-nav-power-mode", ItemType.STRING, Access.READ_WRITE,
            FamilySets.VIS_NAV, KeySource.ATTRIBUTE, RobotProfile.VIS_NAV.powerModeKeys(),
            s -> RobotProfile.VIS_NAV.decodePowerMode(s)),
    CLEAN_TYPE(ChannelGroup.CLEANING, "clean-type", ItemType.STRING, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("fullCleanType"), s -> RobotDecoders.cleanType(s.attribute("fullCleanType"))),
    CLEAN_ID(ChannelGroup.CLEANING, "clean-id", ItemType.STRING, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("cleanId"), s -> RobotDecoders.nonEmpty(s.attribute("cleanId"))),
    CLEAN_DURATION(ChannelGroup.CLEANING, "clean-duration", ItemType.TIME, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("cleanDuration"),
            s -> quantity(s.attribute("cleanDuration"), DysonUnit.SECOND)),
    POSITION(ChannelGroup.CLEANING, "position", ItemType.STRING, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("globalPosition"), s -> RobotDecoders.position(s.attribute("globalPosition"))),

    // robot vacuums: battery
    BATTERY_LEVEL(ChannelGroup.BATTERY, "battery-level", ItemType.DIMENSIONLESS, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("batteryChargeLevel"),
            s -> quantity(s.attribute("batteryChargeLevel"), DysonUnit.PERCENT)),
    CHARGING(ChannelGroup.BATTERY, "charging", ItemType.SWITCH, Access.READ_ONLY, FamilySets.ROBOTS,
            KeySource.ATTRIBUTE, List.of("state"), RobotDecoders::charging),

    // status
    ERROR_CODE(ChannelGroup.STATUS, "error-code", ItemType.STRING, Access.READ_ONLY, FamilySets.AIR,
            KeySource.PRODUCT, List.of("ercd"), s -> text(s.product("ercd"))),
    WARNING_CODE(ChannelGroup.STATUS, "warning-code", ItemType.STRING, Access.READ_ONLY, FamilySets.AIR,
            KeySource.PRODUCT, List.of("wacd"), s -> text(s.product("wacd"))),
    ACTIVE_FAULTS(ChannelGroup.STATUS, "active-faults", ItemType.STRING, Access.READ_ONLY, FamilySets.AIR,
            KeySource.FAULTS, List.of(), ChannelDecoders::activeFaults),
    ROBOT_FAULTS(ChannelGroup.STATUS, "active-faults", "robot-faults", ItemType.STRING, Access.READ_ONLY,
            FamilySets.ROBOTS, KeySource.ATTRIBUTE, List.of("state", "activeFaults", "faults"),
            RobotDecoders::activeFaults),
    FAN_RUNNING(ChannelGroup.STATUS, "fan-running", ItemType.SWITCH, Access.READ_ONLY, FamilySets.AIR,
            KeySource.PRODUCT, List.of("fnst"), s -> onOff(s.product("fnst"), "FAN", "OFF")),
    TIPPED_OVER(ChannelGroup.STATUS, "tipped-over", ItemType.SWITCH, Access.READ_ONLY, FamilySets.HEATERS,
            KeySource.PRODUCT, List.of("tilt"), s -> onOff(s.product("tilt"), "TILT", "OK")),
    RSSI(ChannelGroup.STATUS, "rssi", ItemType.POWER, Access.READ_ONLY, FamilySets.RSSI, KeySource.ATTRIBUTE,
            List.of("rssi"), s -> ChannelDecoders.rssi(s.attribute("rssi"))),
    TRANSPORT(ChannelGroup.STATUS, "transport", ItemType.STRING, Access.READ_ONLY, FamilySets.EVERY, KeySource.NONE,
            List.of(), ChannelDecoders::undefined),
    TRANSPORT_REASON(ChannelGroup.STATUS, "transport-reason", ItemType.STRING, Access.READ_ONLY, FamilySets.EVERY,
            KeySource.NONE, List.of(), ChannelDecoders::undefined),
    LAST_MESSAGE(ChannelGroup.STATUS, "last-message", ItemType.DATETIME, Access.READ_ONLY, FamilySets.EVERY,
            KeySource.NONE, List.of(), ChannelDecoders::undefined),
    COMMAND_ROUND_TRIP(ChannelGroup.STATUS, "command-round-trip", ItemType.TIME, Access.READ_ONLY, FamilySets.EVERY,
            KeySource.NONE, List.of(), ChannelDecoders::undefined),
    RECONNECTS(ChannelGroup.STATUS, "reconnects", ItemType.NUMBER, Access.READ_ONLY, FamilySets.EVERY, KeySource.NONE,
            List.of(), ChannelDecoders::undefined),
    MESSAGES_PER_HOUR(ChannelGroup.STATUS, "messages-per-hour", ItemType.NUMBER, Access.READ_ONLY, FamilySets.EVERY,
            KeySource.NONE, List.of(), ChannelDecoders::undefined),
    EVENTS(ChannelGroup.STATUS, "events", ItemType.TRIGGER, Access.TRIGGER, FamilySets.AIR, KeySource.NONE,
            List.of(), ChannelDecoders::undefined),
    ROBOT_EVENTS(ChannelGroup.STATUS, "events", "robot-events", ItemType.TRIGGER, Access.TRIGGER, FamilySets.ROBOTS,
            KeySource.NONE, List.of(), ChannelDecoders::undefined);

    private final ChannelGroup group;
    private final String id;
    private final String channelTypeId;
    private final ItemType itemType;
    private final Access access;
    private final Set<DeviceFamily> families;
    private final KeySource keySource;
    private final List<String> keys;
    private final Function<DeviceState, ChannelValue> decoder;

    DysonChannel(ChannelGroup group, String id, ItemType itemType, Access access, Set<DeviceFamily> families,
            KeySource keySource, List<String> keys, Function<DeviceState, ChannelValue> decoder) {
        this(group, id, id, itemType, access, families, keySource, keys, decoder);
    }

    DysonChannel(ChannelGroup group, String id, String channelTypeId, ItemType itemType, Access access,
            Set<DeviceFamily> families, KeySource keySource, List<String> keys,
            Function<DeviceState, ChannelValue> decoder) {
        this.group = group;
        this.id = id;
        this.channelTypeId = channelTypeId;
        this.itemType = itemType;
        this.access = access;
        this.families = families;
        this.keySource = keySource;
        this.keys = keys;
        this.decoder = decoder;
    }

    public ChannelGroup group() {
        return group;
    }

    /** The channel id inside its group, e.g. {@code pm25}. */
    public String id() {
        return id;
    }

    /** {@code <group>#<id>}, e.g. {@code air-quality#pm25}: the part of the channel UID after the thing UID. */
    public String uidSuffix() {
        return group.id() + "#" + id;
    }

    /** The channel type: a binding-local id ({@code fan-speed}) or a system one ({@code system.power}). */
    public String channelTypeId() {
        return channelTypeId;
    }

    public ItemType itemType() {
        return itemType;
    }

    public Access access() {
        return access;
    }

    /** The families whose thing type has this channel. */
    public Set<DeviceFamily> families() {
        return families;
    }

    public boolean isIn(DeviceFamily family) {
        return families.contains(family);
    }

    public KeySource keySource() {
        return keySource;
    }

    /** The wire keys feeding the channel, preferred first. */
    public List<String> keys() {
        return keys;
    }

    /**
     * The unit of this channel's {@link ChannelValue.Quantity} values, which is also the unit number commands are
     * expected in (convert a command in °F or hours to it first); null for channels without a unit.
     */
    public @Nullable DysonUnit unit() {
        return switch (this) {
            case SLEEP_TIMER, DEEP_CLEAN_REMAINING -> DysonUnit.MINUTE;
            case NEXT_DEEP_CLEAN, FILTER_LIFE -> DysonUnit.HOUR;
            case LOWER_ANGLE, UPPER_ANGLE -> DysonUnit.DEGREE;
            case TARGET_TEMPERATURE, TEMPERATURE -> DysonUnit.CELSIUS;
            case TARGET_HUMIDITY, AUTO_TARGET_HUMIDITY, HUMIDITY, HEPA_LIFE, CARBON_LIFE, SCO_LIFE, BATTERY_LEVEL ->
                DysonUnit.PERCENT;
            case CLEAN_DURATION -> DysonUnit.SECOND;
            case PM25, PM10, HCHO -> DysonUnit.MICROGRAM_PER_CUBIC_METRE;
            case CO2 -> DysonUnit.PPM;
            case VOC, NO2, DUST_INDEX, VOC_INDEX -> DysonUnit.ONE;
            case RSSI -> DysonUnit.DBM;
            case COMMAND_ROUND_TRIP -> DysonUnit.MILLISECOND;
            default -> null;
        };
    }

    /** Decodes the current value; never throws. */
    public ChannelValue decode(DeviceState state) {
        return decoder.apply(state);
    }

    /**
     * The channel of a family with this id; accepts {@code pm25} or {@code air-quality#pm25}. Null if the family
     * has no such channel.
     */
    public static @Nullable DysonChannel find(DeviceFamily family, String channelId) {
        int hash = channelId.indexOf('#');
        String group = hash < 0 ? null : channelId.substring(0, hash);
        String id = channelId.substring(hash + 1);
        for (DysonChannel channel : values()) {
            if (channel.isIn(family) && channel.id.equals(id) && (group == null || channel.group.id().equals(group))) {
                return channel;
            }
        }
        return null;
    }
}
