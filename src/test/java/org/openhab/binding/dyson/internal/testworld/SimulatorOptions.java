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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What the standalone {@link DysonTestWorld} starts: ports (0 = any free port), product families (MQTT root topics
 * with a seed in {@code src/test/resources/simulator}), how often the simulated sensors move and where the test CA
 * and the hosts file are written. Read from {@code --key=value} arguments, else from the system properties
 * {@code dyson.simulator.<key>}, else the defaults.
 *
 * @param brokerPort local MQTT port of every simulated device ({@code --broker-port}, default 11883)
 * @param cloudPort HTTPS port of the cloud API stand-in ({@code --cloud-port}, default 11443)
 * @param iotPort HTTPS/WebSocket port of the AWS IoT endpoint stand-in ({@code --iot-port}, default 10443)
 * @param families the product families, one device each ({@code --families=475,455,...})
 * @param sensorInterval how often sensor values move ({@code --sensor-interval} in seconds, 0 = never)
 * @param directory where {@code test-ca.pem} and {@code hosts} are written ({@code --dir})
 * @param faults faults and warnings failing from the start, {@code <root>:<code>} each ({@code --faults=475:fltr,
 *            358K:tnke}; more can be injected on the console: {@code fault <root> <code> on|off}); for a robot the
 *            code is a {@link RobotFault} name ({@code 277:lifted})
 * @param robotSpeed how many times faster than real time simulated robots live ({@code --robot-speed}, default 10:
 *            a 20-minute clean in 2 minutes)
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record SimulatorOptions(int brokerPort, int cloudPort, int iotPort, List<String> families,
        Duration sensorInterval, Path directory, List<String> faults, double robotSpeed) {

    public static final String PROPERTY_PREFIX = "dyson.simulator.";
    public static final double DEFAULT_ROBOT_SPEED = 10;
    public static final List<String> DEFAULT_FAMILIES = List.of("475", "455", "520", "527K", "358K", "664", "438M");
    private static final List<String> KEYS = List.of("broker-port", "cloud-port", "iot-port", "families",
            "sensor-interval", "dir", "faults", "robot-speed");

    public SimulatorOptions {
        families = List.copyOf(families);
        faults = List.copyOf(faults);
        for (String fault : faults) {
            if (fault.split(":").length != 2) {
                throw new IllegalArgumentException("A fault is <root>:<code>, got: " + fault);
            }
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("At least one product family is needed");
        }
        if (!(robotSpeed > 0)) {
            throw new IllegalArgumentException("The robot speed must be positive");
        }
        if (sensorInterval.isNegative()) {
            throw new IllegalArgumentException("The sensor interval cannot be negative");
        }
        for (int port : new int[] { brokerPort, cloudPort, iotPort }) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
        }
    }

    /** The same options with these faults failing from the start. */
    public SimulatorOptions withFaults(List<String> newFaults) {
        return new SimulatorOptions(brokerPort, cloudPort, iotPort, families, sensorInterval, directory, newFaults,
                robotSpeed);
    }

    /** The same options with robots living {@code speed} times faster than real time. */
    public SimulatorOptions withRobotSpeed(double speed) {
        return new SimulatorOptions(brokerPort, cloudPort, iotPort, families, sensorInterval, directory, faults, speed);
    }

    /** Every port picked by the system, the given families, sensors moving at the given interval. */
    public static SimulatorOptions anyPorts(List<String> families, Duration sensorInterval, Path directory) {
        return new SimulatorOptions(0, 0, 0, families, sensorInterval, directory, List.of(), DEFAULT_ROBOT_SPEED);
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException for an unknown key, a malformed argument or value
     */
    public static SimulatorOptions parse(String[] args, Properties system) {
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            String value = system.getProperty(PROPERTY_PREFIX + key);
            if (value != null && !value.isBlank()) {
                values.put(key, value.trim());
            }
        }
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --key=value, got: " + arg);
            }
            String key = arg.substring(2, equals);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown option --" + key + "; known: " + KEYS);
            }
            values.put(key, arg.substring(equals + 1).trim());
        }
        List<String> families = Arrays.stream(values.getOrDefault("families", String.join(",",
                DEFAULT_FAMILIES)).split(",")).map(String::trim).filter(family -> !family.isEmpty()).toList();
        return new SimulatorOptions(number(values, "broker-port", 11883), number(values, "cloud-port", 11443),
                number(values, "iot-port", 10443), families,
                Duration.ofSeconds(number(values, "sensor-interval", 10)),
                Path.of(values.getOrDefault("dir", Path.of(System.getProperty("java.io.tmpdir"), "dyson-simulator")
                        .toString())),
                Arrays.stream(values.getOrDefault("faults", "").split(",")).map(String::trim)
                        .filter(fault -> !fault.isEmpty()).toList(),
                decimal(values, "robot-speed", DEFAULT_ROBOT_SPEED));
    }

    /** A usage text listing the options. */
    public static String usage() {
        return String.join(System.lineSeparator(), "Options (--key=value, or -D" + PROPERTY_PREFIX + "<key>=value):",
                "  --broker-port=11883     local MQTT port of the simulated devices (0 = any free port)",
                "  --cloud-port=11443      port of the Dyson cloud API stand-in (0 = any free port)",
                "  --iot-port=10443        port of the AWS IoT endpoint stand-in (0 = any free port)",
                "  --families=" + String.join(",", DEFAULT_FAMILIES) + "   product types, one device each",
                "  --sensor-interval=10    seconds between sensor value changes (0 = never)",
                "  --dir=<tmp>/dyson-simulator   where test-ca.pem and hosts are written",
                "  --faults=475:fltr,358K:tnke   faults and warnings failing from the start (none by default)",
                "  --robot-speed=10        how much faster than real time the robots (N223, 276, 277) live",
                "Robot vacuums: add N223 (360 Eye), 276 (360 Heurist), 277 (360 Vis Nav) to --families",
                "On the console: fault <root> <code> on|off   e.g. fault 358K tnke on (water tank empty)",
                "                fault <robot> lifted|airways|bin-full|lost on|off   e.g. fault 277 lifted on",
                "                robot <robot> start|pause|resume|abort   or   robot <robot> battery <percent>");
    }

    private static double decimal(Map<String, String> values, String key, double fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a number, got: " + value);
        }
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a number, got: " + value);
        }
    }
}
