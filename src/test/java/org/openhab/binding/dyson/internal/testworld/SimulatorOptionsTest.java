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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link SimulatorOptions}: defaults, system properties, arguments winning over them, and refusals.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SimulatorOptionsTest {

    @Test
    void defaultsAreFixedPortsAndEveryFamily() {
        SimulatorOptions options = SimulatorOptions.parse(new String[0], new Properties());
        assertEquals(11883, options.brokerPort());
        assertEquals(11443, options.cloudPort());
        assertEquals(10443, options.iotPort());
        assertEquals(List.of("475", "455", "520", "527K", "358K", "664", "438M"), options.families());
        assertEquals(Duration.ofSeconds(10), options.sensorInterval());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "dyson-simulator"), options.directory());
    }

    @Test
    void argumentsWinOverSystemProperties() {
        Properties system = new Properties();
        system.setProperty("dyson.simulator.broker-port", "1884");
        system.setProperty("dyson.simulator.families", "664");
        system.setProperty("dyson.simulator.iot-port", "0");
        SimulatorOptions options = SimulatorOptions.parse(
                new String[] { "--broker-port=0", "--families=475, 438M", "--sensor-interval=0", "--dir=sim" },
                system);
        assertEquals(0, options.brokerPort());
        assertEquals(0, options.iotPort());
        assertEquals(11443, options.cloudPort());
        assertEquals(List.of("475", "438M"), options.families());
        assertEquals(Duration.ZERO, options.sensorInterval());
        assertEquals(Path.of("sim"), options.directory());
    }

    @Test
    void refusesWhatItCannotUse() {
        Properties none = new Properties();
        for (String bad : List.of("--broker-port=x", "--bogus=1", "broker-port=1", "--broker-port", "--iot-port=70000",
                "--families=,", "--sensor-interval=-1")) {
            assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(new String[] { bad }, none),
                    bad);
        }
    }
}
