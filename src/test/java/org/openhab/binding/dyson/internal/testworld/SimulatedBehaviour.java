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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a simulated device does with a STATE-SET, rule by rule, from the captures ({@code src/test/resources/captures})
 * and the protocol notes. Each rule names the capture line that shows it; where none does, it says so and stays
 * simple. Newer devices ("N", {@code fpwr}) and Link devices ("L", {@code fmod}) are told apart by their keys.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedBehaviour {

    /** Keys a client writes that are commands, never state (no captured CURRENT-STATE or STATE-CHANGE has them). */
    public static final Set<String> COMMAND_ONLY = Set.of("rstf", "rhtf");

    /** Filter life of a new filter: Link {@code filf} in hours (protocol notes §6.2: 4300 = new), newer in %. */
    static final String NEW_FILTER_HOURS = "4300";
    static final String NEW_FILTER_PERCENT = "0100";
    /** Speed taken when auto mode ends and no manual speed was set before (no capture shows it; kept simple). */
    static final String DEFAULT_SPEED = "0004";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SimulatedBehaviour() {
    }

    /**
     * The {@code time} of a message as devices write it: milliseconds, always three digits
     * (capture 438M/01 line 1: {@code "time":"2025-04-16T00:16:21.000Z"}), never nanoseconds.
     */
    public static String time(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The state after {@code data} (a STATE-SET's keys) is applied to {@code state} with every side effect. */
    public static Map<String, String> apply(Map<String, String> state, Map<String, String> data) {
        Map<String, String> next = new LinkedHashMap<>(state);
        data.forEach((key, value) -> {
            // command-only keys never enter the state; other keys are taken even where the seed lacks them (a Link
            // seed has no sltm in its product state, yet the timer is writable on all families, §6.2)
            if (!COMMAND_ONLY.contains(key)) {
                next.put(key, value);
            }
        });
        if (data.containsKey("rstf") || data.containsKey("rhtf")) {
            resetFilters(next);
        }
        if (next.containsKey("fmod")) {
            applyLink(state, next, data);
        } else if (next.containsKey("fpwr")) {
            applyNewer(state, next, data);
        }
        applyHeating(next);
        applyHumidifier(next, data);
        return next;
    }

    /**
     * Filter reset ({@code rstf}=RSTF, protocol notes §7 "Filter reset"): the filter life starts again, the key itself
     * never shows (no captured state contains {@code rstf}). Link: {@code filf} back to 4300 hours; newer: HEPA
     * {@code hflr} and carbon {@code cflr} back to 100 % ({@code INV}, no filter fitted, stays). No capture shows a
     * reset; the warning {@code wacd} FLTR is cleared with it.
     */
    static void resetFilters(Map<String, String> state) {
        state.computeIfPresent("filf", (key, value) -> NEW_FILTER_HOURS);
        state.computeIfPresent("hflr", (key, value) -> NEW_FILTER_PERCENT);
        state.computeIfPresent("cflr", (key, value) -> "INV".equals(value) ? value : NEW_FILTER_PERCENT);
        state.computeIfPresent("wacd", (key, value) -> "FLTR".equals(value) ? "NONE" : value);
    }

    /**
     * Link devices (475/455/469):
     * <ul>
     * <li>{@code fmod} AUTO: {@code fnsp} AUTO and the fan runs (475/03: {@code "fmod":["OFF","AUTO"],
     * "fnsp":["0001","AUTO"],"fnst":["OFF","FAN"]});</li>
     * <li>{@code fmod} OFF: the fan stops, a speed of AUTO falls back to a manual one (the device's last; the
     * simulator does not remember it and takes 0004) (475/03:
     * {@code "fmod":["AUTO","OFF"],"fnsp":["AUTO","0001"],"fnst":["FAN","OFF"]});</li>
     * <li>{@code fmod} FAN: the fan runs at its manual speed (no capture shows FAN from OFF; same as above);</li>
     * <li>a manual {@code fnsp} ends auto mode ({@code fmod} FAN; protocol notes §7 "Manual speed n").</li>
     * </ul>
     */
    private static void applyLink(Map<String, String> before, Map<String, String> next, Map<String, String> data) {
        if (isSpeed(data.get("fnsp")) && "AUTO".equals(next.get("fmod"))) {
            next.put("fmod", "FAN");
        }
        String mode = next.get("fmod");
        if ("AUTO".equals(mode)) {
            next.put("fnsp", "AUTO");
        } else if ("AUTO".equals(next.get("fnsp"))) {
            next.put("fnsp", lastSpeed(before));
        }
        next.computeIfPresent("fnst", (key, value) -> "OFF".equals(mode) ? "OFF" : "FAN");
    }

    /**
     * Newer devices:
     * <ul>
     * <li>{@code auto} ON: {@code fnsp} AUTO (438M/01: {@code "auto":["OFF","ON"],"fnsp":["0005","AUTO"]}); the fan
     * speed is then the device's choice, {@code fnst} is left as it was (the capture shows it idling, FAN→OFF);</li>
     * <li>a manual {@code fnsp} ends auto mode and runs the fan (438M/01: {@code "auto":["ON","OFF"],
     * "fnsp":["AUTO","0005"],"fnst":["OFF","FAN"],"oscs":["IDLE","ON"]});</li>
     * <li>{@code auto} OFF alone: the last manual speed (no capture; kept simple);</li>
     * <li>{@code fpwr} OFF: {@code fnst} OFF and oscillation status OFF; {@code fpwr} ON: {@code fnst} FAN unless in
     * auto (520/01: {@code "fpwr":["ON","ON"],...,"fnst":["FAN","FAN"]}; power-off not captured, protocol notes
     * §6.2 "fnst fan actually running");</li>
     * <li>{@code oson}: {@code oscs} follows while the fan runs (438M/01: {@code "oscs":["IDLE","ON"]} as the fan
     * starts).</li>
     * </ul>
     */
    private static void applyNewer(Map<String, String> before, Map<String, String> next, Map<String, String> data) {
        if (isSpeed(data.get("fnsp"))) {
            next.computeIfPresent("auto", (key, value) -> "OFF");
        }
        boolean on = "ON".equals(next.get("fpwr"));
        boolean auto = "ON".equals(next.get("auto"));
        if (auto) {
            next.put("fnsp", "AUTO");
        } else if ("AUTO".equals(next.get("fnsp"))) {
            next.put("fnsp", lastSpeed(before));
        }
        if (!on) {
            next.computeIfPresent("fnst", (key, value) -> "OFF");
        } else if (!auto || !"ON".equals(before.get("fpwr"))) {
            next.computeIfPresent("fnst", (key, value) -> "FAN");
        }
        boolean running = "FAN".equals(next.get("fnst"));
        String oscillating = next.get("oson");
        next.computeIfPresent("oscs", (key, value) -> !running ? ("OFF".equals(oscillating) ? "OFF" : "IDLE")
                : ("ON".equals(oscillating) || "OION".equals(oscillating) ? "ON" : "OFF"));
    }

    /**
     * Heaters (455, 527x): {@code hsta} (heating now) is HEAT while {@code hmod} is HEAT and the fan is powered, OFF
     * otherwise (protocol notes §6.2; no capture shows the switch, so no thermostat is simulated).
     */
    private static void applyHeating(Map<String, String> next) {
        if (!next.containsKey("hsta") || !next.containsKey("hmod")) {
            return;
        }
        boolean powered = next.containsKey("fpwr") ? "ON".equals(next.get("fpwr")) : !"OFF".equals(next.get("fmod"));
        next.put("hsta", powered && "HEAT".equals(next.get("hmod")) ? "HEAT" : "OFF");
    }

    /**
     * Humidifiers (358x): a manual target {@code humt} ends auto humidity ({@code haut} OFF; protocol notes §7
     * "Humidifier": libdyson sends both); {@code msta} (humidifying now) follows {@code hume} while powered (no
     * capture shows the switch).
     */
    private static void applyHumidifier(Map<String, String> next, Map<String, String> data) {
        if (!next.containsKey("hume")) {
            return;
        }
        if (data.containsKey("humt") && !data.containsKey("haut")) {
            next.computeIfPresent("haut", (key, value) -> "OFF");
        }
        boolean powered = !"OFF".equals(next.get("fpwr"));
        next.computeIfPresent("msta", (key, value) -> powered && "HUMD".equals(next.get("hume")) ? "HUMD" : "OFF");
    }

    /**
     * One minute passes: a running sleep timer {@code sltm} counts down; at zero it reads OFF and the device switches
     * itself off. No capture shows a timer running out; protocol notes §6.2 "sleep timer, minutes left".
     */
    public static Map<String, String> minutePassed(Map<String, String> state) {
        String timer = state.get("sltm");
        if (!isNumber(timer)) {
            return state;
        }
        Map<String, String> next = new LinkedHashMap<>(state);
        int left = Integer.parseInt(timer) - 1;
        if (left > 0) {
            next.put("sltm", String.format("%04d", left));
            return next;
        }
        next.put("sltm", "OFF");
        return apply(next, next.containsKey("fmod") ? Map.of("fmod", "OFF") : Map.of("fpwr", "OFF"));
    }

    private static String lastSpeed(Map<String, String> before) {
        String speed = before.get("fnsp");
        return isSpeed(speed) ? speed : DEFAULT_SPEED;
    }

    private static boolean isSpeed(@Nullable String value) {
        return isNumber(value);
    }

    private static boolean isNumber(@Nullable String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }
}
