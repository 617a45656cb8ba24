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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageFactory;
import org.openhab.binding.dyson.internal.protocol.ValueCodec;

/**
 * Turns a channel command into the {@code STATE-SET} data (§4.5, §7 recipes), or into a robot vacuum's command (§8,
 * {@link #command}). Values: {@link Boolean} for Switch
 * channels, {@link BigDecimal} (or any {@link Number}) in the channel's canonical unit (°C, %, minutes, degrees) for
 * number channels, {@link String} for String channels (their options). Thread-safe.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceCommandBuilder {

    private static final int SLEEP_STEP = 15;
    private static final int SLEEP_MAX = 540;
    private static final int ANGLE_MIN = 5;
    private static final int ANGLE_MAX = 355;
    private static final int ANGLE_STEP = 5;
    private static final int ANGLE_MIN_SPAN = 30;
    private static final int HUMIDITY_MIN = 30;
    private static final int HUMIDITY_MAX = 70;
    private static final int HUMIDITY_STEP = 10;
    private static final String BREEZE_TILT = "0359";
    private static final List<String> D1_PRESETS = List.of("45", "90", "180", "350");
    private static final List<String> HUMIDIFIER_PRESETS = List.of("45", "90");
    private static final List<String> FIXED_TILTS = List.of("0", "25", "50");
    private static final Map<String, String> WATER_HARDNESS = Map.of("SOFT", "2025", "MEDIUM", "1350", "HARD", "0675");
    private static final List<String> AIR_QUALITY_TARGETS = List.of("0001", "0002", "0003", "0004");
    private static final String START = "START";
    private static final String RESUME = "RESUME";
    private static final String ABORT = "ABORT";
    private static final String STATE_SET = "STATE-SET";
    /** The robot vacuums' actions; ABORT ends the clean and sends the robot to its dock. */
    private static final List<String> ROBOT_ACTIONS = List.of(START, "PAUSE", RESUME, ABORT);

    private final MessageFactory messages;

    public DeviceCommandBuilder(Clock clock) {
        this.messages = new MessageFactory(clock);
    }

    public DeviceCommandBuilder() {
        this(Clock.systemUTC());
    }

    /** The factory for the request messages, sharing this builder's clock. */
    public MessageFactory messages() {
        return messages;
    }

    /**
     * The complete JSON for a channel command: a {@code STATE-SET} for an air treatment device; for a robot vacuum
     * (§8) {@code START}, {@code PAUSE}, {@code RESUME}, {@code ABORT}, or the {@code STATE-SET} of the power mode for
     * the next clean, as its model expects them ({@link RobotProfile}).
     *
     * @throws InvalidCommandException if the channel is not writable or not of this device, or the value is invalid
     *             (e.g. a power mode the model does not have)
     */
    public String command(DysonChannel channel, Object value, DeviceState state, Capabilities capabilities)
            throws InvalidCommandException {
        RobotProfile robot = RobotProfile.of(capabilities.family());
        return robot != null ? robotCommand(robot, channel, value, state)
                : stateSet(channel, value, state, capabilities);
    }

    private String robotCommand(RobotProfile robot, DysonChannel channel, Object value, DeviceState state)
            throws InvalidCommandException {
        if (!channel.access().isWritable()) {
            throw new InvalidCommandException("Channel " + channel.uidSuffix() + " is read-only");
        }
        if (!channel.isIn(robot.family())) {
            throw new InvalidCommandException(
                    "Channel " + channel.uidSuffix() + " does not exist on " + robot.family().thingTypeId());
        }
        return switch (channel) {
            case ROBOT_COMMAND -> robotAction(robot, option(channel, value, ROBOT_ACTIONS));
            case CLEANING -> {
                if (!bool(channel, value)) {
                    yield robotAction(robot, ABORT);
                }
                String current = state.attribute("state");
                yield robotAction(robot, current != null && RobotDecoders.PAUSED.contains(current) ? RESUME : START);
            }
            case EYE_POWER_MODE, HEURIST_POWER_MODE, VIS_NAV_POWER_MODE ->
                messages.robotCommand(STATE_SET, robot.powerModeStateSet(text(channel, value)));
            default -> throw new InvalidCommandException("Channel " + channel.uidSuffix() + " takes no commands");
        };
    }

    /** {@code START} (a whole-home clean now, as the model needs it), {@code PAUSE}, {@code RESUME}, {@code ABORT}. */
    private String robotAction(RobotProfile robot, String action) {
        return messages.robotCommand(action, START.equals(action) ? robot.startFields() : Map.of());
    }

    /** The complete {@code STATE-SET} JSON for a command. */
    public String stateSet(DysonChannel channel, Object value, DeviceState state, Capabilities capabilities)
            throws InvalidCommandException {
        return messages.stateSet(data(channel, value, state, capabilities));
    }

    /**
     * The complete {@code STATE-SET} JSON that makes the device sweep between two angles (a custom oscillation
     * window), both set at once. The angles follow the rules of the angle channels: rounded to 5° steps, 5–355°,
     * lower ≤ upper, equal (a fixed direction) or at least 30° apart.
     *
     * @throws InvalidCommandException if the device has no oscillation angles (Link models, Big+Quiet's tilt) or the
     *             angles break a rule
     */
    public String oscillationWindow(Object lower, Object upper, DeviceState state, Capabilities capabilities)
            throws InvalidCommandException {
        requireAngleOscillation("Oscillation window", capabilities);
        Map<String, String> data = new LinkedHashMap<>();
        window(angle(DysonChannel.LOWER_ANGLE, lower), angle(DysonChannel.UPPER_ANGLE, upper), state, data);
        return messages.stateSet(data);
    }

    /**
     * The {@code STATE-SET} data for a command, in the order it is sent.
     *
     * @throws InvalidCommandException if the channel is not writable or not of this device, or the value is invalid
     */
    public Map<String, String> data(DysonChannel channel, Object value, DeviceState state, Capabilities capabilities)
            throws InvalidCommandException {
        if (!channel.access().isWritable()) {
            throw new InvalidCommandException("Channel " + channel.uidSuffix() + " is read-only");
        }
        if (!channel.isIn(capabilities.family())) {
            throw new InvalidCommandException(
                    "Channel " + channel.uidSuffix() + " does not exist on " + capabilities.family().thingTypeId());
        }
        boolean link = capabilities.isLink();
        Map<String, String> data = new LinkedHashMap<>();
        switch (channel) {
            case POWER -> modeSwitch(data, link, bool(channel, value), "FAN", "OFF", "fpwr");
            case AUTO_MODE -> modeSwitch(data, link, bool(channel, value), "AUTO", "FAN", "auto");
            case FAN_SPEED -> {
                int speed = integer(channel, value, 1, 10);
                data.put(link ? "fmod" : "fpwr", link ? "FAN" : "ON");
                data.put("fnsp", ValueCodec.formatNumber(speed));
            }
            case NIGHT_MODE -> data.put("nmod", onOff(bool(channel, value)));
            case CONTINUOUS_MONITORING -> {
                data.put("rhtm", onOff(bool(channel, value)));
                String companion = link ? "fmod" : "fpwr";
                String current = state.product(companion);
                if (current != null) {
                    data.put(companion, current);
                }
            }
            case AIRFLOW_DIRECTION -> data.put("fdir", onOff(bool(channel, value)));
            case JET_FOCUS -> data.put("ffoc", onOff(bool(channel, value)));
            case SLEEP_TIMER -> data.put("sltm", sleepTimer(value));
            case AIR_QUALITY_TARGET -> {
                String target = option(channel, value, AIR_QUALITY_TARGETS);
                data.put("qtar", target);
                String fmod = state.product("fmod");
                if (fmod != null) {
                    data.put("fmod", fmod);
                }
            }
            case OSCILLATION -> oscillation(bool(channel, value), state, capabilities, data);
            case LOWER_ANGLE, UPPER_ANGLE -> angles(channel, value, state, capabilities, data);
            case ANGLE_PRESET, HUMIDIFIER_ANGLE_PRESET -> anglePreset(channel, value, state, capabilities, data);
            case TILT -> tilt(channel, value, data);
            case HEATING -> {
                boolean on = bool(channel, value);
                if (on && "TILT".equals(state.product("tilt"))) {
                    throw new InvalidCommandException("Heating refused: the device reports it has tipped over");
                }
                data.put("hmod", on ? "HEAT" : "OFF");
                String hmax = state.product("hmax");
                if (on && hmax != null) {
                    data.put("hmax", hmax);
                }
            }
            case TARGET_TEMPERATURE -> data.put("hmax", heatTarget(channel, value));
            case HUMIDIFICATION -> data.put("hume", bool(channel, value) ? "HUMD" : "OFF");
            case HUMIDIFICATION_AUTO -> data.put("haut", onOff(bool(channel, value)));
            case TARGET_HUMIDITY -> {
                int target = rounded(channel, value, HUMIDITY_STEP);
                if (target < HUMIDITY_MIN || target > HUMIDITY_MAX) {
                    throw new InvalidCommandException("Target humidity must be 30–70 %, got " + value);
                }
                data.put("haut", "OFF");
                data.put("humt", ValueCodec.formatNumber(target));
            }
            case WATER_HARDNESS -> {
                String hardness = option(channel, value, List.of("SOFT", "MEDIUM", "HARD"));
                data.put("wath", requireValue(WATER_HARDNESS.get(hardness)));
            }
            case FILTER_RESET -> {
                option(channel, value, List.of("RESET"));
                data.put("rstf", "RSTF");
            }
            default -> throw new InvalidCommandException("Channel " + channel.uidSuffix() + " takes no commands");
        }
        return data;
    }

    /** Link: {@code fmod} set to one of two modes; newer: an ON/OFF key. */
    private static void modeSwitch(Map<String, String> data, boolean link, boolean on, String linkOn, String linkOff,
            String newerKey) {
        if (link) {
            data.put("fmod", on ? linkOn : linkOff);
        } else {
            data.put(newerKey, onOff(on));
        }
    }

    private void oscillation(boolean on, DeviceState state, Capabilities capabilities, Map<String, String> data) {
        if (capabilities.oscillation() == OscillationKind.TILT) {
            if (on) {
                breezeTilt(data);
            } else {
                data.put("oton", "OFF");
            }
            return;
        }
        data.put("oson", oscillationValue(on, state));
    }

    /** {@code ON}/{@code OFF}, or {@code OION}/{@code OIOF} if that is the style the device reports. */
    private static String oscillationValue(boolean on, DeviceState state) {
        String current = state.product("oson");
        boolean alternativeStyle = "OION".equals(current) || "OIOF".equals(current);
        if (alternativeStyle) {
            return on ? "OION" : "OIOF";
        }
        return onOff(on);
    }

    private void angles(DysonChannel channel, Object value, DeviceState state, Capabilities capabilities,
            Map<String, String> data) throws InvalidCommandException {
        requireAngleOscillation("Channel " + channel.uidSuffix(), capabilities);
        int angle = angle(channel, value);
        boolean lower = channel == DysonChannel.LOWER_ANGLE;
        Integer other = ValueCodec.parseNumber(state.product(lower ? "osau" : "osal"));
        if (other == null) {
            throw new InvalidCommandException("The other oscillation angle is not known yet");
        }
        window(lower ? angle : other, lower ? other : angle, state, data);
    }

    /** An angle from a command, rounded to {@link #ANGLE_STEP} and within {@link #ANGLE_MIN}–{@link #ANGLE_MAX}. */
    private static int angle(DysonChannel channel, Object value) throws InvalidCommandException {
        int angle = rounded(channel, value, ANGLE_STEP);
        if (angle < ANGLE_MIN || angle > ANGLE_MAX) {
            throw new InvalidCommandException("Oscillation angles must be 5–355°, got " + value);
        }
        return angle;
    }

    /** A custom sweep from {@code low} to {@code high}: equal (a fixed direction) or at least 30° apart. */
    private static void window(int low, int high, DeviceState state, Map<String, String> data)
            throws InvalidCommandException {
        if (low > high) {
            throw new InvalidCommandException("Lower angle " + low + "° is above upper angle " + high + "°");
        }
        if (low != high && high - low < ANGLE_MIN_SPAN) {
            throw new InvalidCommandException(
                    "Oscillation angles must be equal or at least 30° apart, got " + low + "°–" + high + "°");
        }
        data.put("osal", ValueCodec.formatNumber(low));
        data.put("osau", ValueCodec.formatNumber(high));
        data.put("ancp", "CUST");
        data.put("oson", oscillationValue(true, state));
    }

    private void anglePreset(DysonChannel channel, Object value, DeviceState state, Capabilities capabilities,
            Map<String, String> data) throws InvalidCommandException {
        requireAngleOscillation("Channel " + channel.uidSuffix(), capabilities);
        List<String> presets = switch (capabilities.oscillation()) {
            case D1 -> D1_PRESETS;
            case PRESET -> HUMIDIFIER_PRESETS;
            default -> List.of();
        };
        String preset = text(channel, value);
        if (ChannelDecoders.CUSTOM.equals(preset)) {
            String osal = state.product("osal");
            String osau = state.product("osau");
            if (osal != null && osau != null) {
                data.put("osal", osal);
                data.put("osau", osau);
            }
            data.put("ancp", "CUST");
        } else if (ChannelDecoders.BREEZE.equals(preset) && capabilities.oscillation() == OscillationKind.PRESET) {
            data.put("ancp", "BRZE");
        } else if (presets.contains(preset)) {
            data.put("ancp", ValueCodec.formatNumber(Integer.parseInt(preset)));
        } else {
            throw new InvalidCommandException("Angle preset '" + preset + "' is not available on this device; use "
                    + String.join(", ", presets) + (capabilities.oscillation() == OscillationKind.PRESET ? ", BREEZE"
                            : "")
                    + " or CUSTOM");
        }
        data.put("oson", oscillationValue(true, state));
    }

    private static void requireAngleOscillation(String subject, Capabilities capabilities)
            throws InvalidCommandException {
        OscillationKind kind = capabilities.oscillation();
        if (kind == OscillationKind.ON_OFF || kind == OscillationKind.TILT || kind == OscillationKind.NONE) {
            throw new InvalidCommandException(
                    subject + ": this device has no oscillation angles (" + kind + ")");
        }
    }

    private static void tilt(DysonChannel channel, Object value, Map<String, String> data)
            throws InvalidCommandException {
        String tilt = text(channel, value);
        if (ChannelDecoders.BREEZE.equals(tilt)) {
            breezeTilt(data);
        } else if (FIXED_TILTS.contains(tilt)) {
            String angle = ValueCodec.formatNumber(Integer.parseInt(tilt));
            data.put("anct", "CUST");
            data.put("otal", angle);
            data.put("otau", angle);
        } else {
            throw new InvalidCommandException("Tilt must be 0, 25, 50 or BREEZE, got '" + tilt + "'");
        }
    }

    private static void breezeTilt(Map<String, String> data) {
        data.put("oton", "ON");
        data.put("anct", "BRZE");
        data.put("otal", BREEZE_TILT);
        data.put("otau", BREEZE_TILT);
    }

    private static String sleepTimer(Object value) throws InvalidCommandException {
        if (value instanceof String text && "OFF".equalsIgnoreCase(text.trim())) {
            return "OFF";
        }
        BigDecimal minutes = decimal(DysonChannel.SLEEP_TIMER, value);
        if (minutes.signum() < 0 || minutes.compareTo(BigDecimal.valueOf(SLEEP_MAX)) > 0) {
            throw new InvalidCommandException("Sleep timer must be 0 (off) to 540 minutes, got " + value);
        }
        if (minutes.signum() == 0) {
            return "OFF";
        }
        int steps = minutes.divide(BigDecimal.valueOf(SLEEP_STEP), 0, RoundingMode.HALF_UP).intValue();
        return ValueCodec.formatNumber(Math.max(1, steps) * SLEEP_STEP);
    }

    private static String heatTarget(DysonChannel channel, Object value) throws InvalidCommandException {
        int kelvinTenths = ValueCodec.celsiusToKelvinTenths(decimal(channel, value));
        int clamped = Math.max(ValueCodec.HEAT_TARGET_MIN, Math.min(ValueCodec.HEAT_TARGET_MAX, kelvinTenths));
        return ValueCodec.formatNumber(clamped);
    }

    private static boolean bool(DysonChannel channel, Object value) throws InvalidCommandException {
        if (value instanceof Boolean on) {
            return on;
        }
        throw new InvalidCommandException("Channel " + channel.uidSuffix() + " expects ON/OFF, got " + value);
    }

    private static String onOff(boolean on) {
        return on ? "ON" : "OFF";
    }

    private static BigDecimal decimal(DysonChannel channel, Object value) throws InvalidCommandException {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                // NaN or infinite: refused below
            }
        }
        throw new InvalidCommandException("Channel " + channel.uidSuffix() + " expects a number, got " + value);
    }

    /** An integer within bounds; fractional values are refused. */
    private static int integer(DysonChannel channel, Object value, int min, int max) throws InvalidCommandException {
        BigDecimal decimal = decimal(channel, value);
        if (decimal.stripTrailingZeros().scale() > 0 || decimal.compareTo(BigDecimal.valueOf(min)) < 0
                || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidCommandException(
                    "Channel " + channel.uidSuffix() + " expects a whole number " + min + "–" + max + ", got " + value);
        }
        return decimal.intValue();
    }

    /** Rounded to the nearest multiple of {@code step}. */
    private static int rounded(DysonChannel channel, Object value, int step) throws InvalidCommandException {
        BigDecimal decimal = decimal(channel, value);
        if (decimal.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new InvalidCommandException("Channel " + channel.uidSuffix() + ": value out of range: " + value);
        }
        return decimal.divide(BigDecimal.valueOf(step), 0, RoundingMode.HALF_UP).intValue() * step;
    }

    private static String text(DysonChannel channel, Object value) throws InvalidCommandException {
        if (value instanceof String text && !text.isBlank()) {
            return text.trim().toUpperCase(Locale.ROOT);
        }
        throw new InvalidCommandException("Channel " + channel.uidSuffix() + " expects a text option, got " + value);
    }

    private static String option(DysonChannel channel, Object value, List<String> options)
            throws InvalidCommandException {
        String text = text(channel, value);
        if (!options.contains(text)) {
            throw new InvalidCommandException("Channel " + channel.uidSuffix() + " accepts " + String.join(", ", options)
                    + ", got '" + text + "'");
        }
        return text;
    }

    private static String requireValue(@Nullable String value) throws InvalidCommandException {
        if (value == null) {
            throw new InvalidCommandException("No wire value");
        }
        return value;
    }
}
