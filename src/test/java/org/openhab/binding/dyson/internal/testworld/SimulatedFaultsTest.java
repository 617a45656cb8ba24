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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.device.ChannelValue;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;

import com.google.gson.JsonObject;

/**
 * Faults and warnings of the simulated devices: as devices report them, injectable by option and console command.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SimulatedFaultsTest {

    private static JsonObject message(String msg, JsonObject maps) {
        JsonObject message = new JsonObject();
        message.addProperty("msg", msg);
        message.addProperty("time", "2025-04-16T00:16:21.000Z");
        maps.entrySet().forEach(entry -> message.add(entry.getKey(), entry.getValue()));
        return message;
    }

    @Test
    void theCapturedReportIsTheStartAndAFilterWarningIsAProductWarning() {
        SimulatedFaults faults = new SimulatedFaults("475", DeviceSimulator.seed("475").getAsJsonObject("faults"));
        assertEquals("FAIL", faults.current().getAsJsonObject("product-errors").get("t&hs").getAsString());
        JsonObject change = faults.set("fltr", true);
        assertNotNull(change);
        assertEquals("[\"OK\",\"FAIL\"]", change.getAsJsonObject("product-warnings").get("fltr").toString());
        assertEquals("[\"FAIL\",\"FAIL\"]", change.getAsJsonObject("product-errors").get("t&hs").toString());
        assertNull(faults.set("fltr", true), "no change, no message");
        assertEquals(SimulatedFaults.MAPS, List.copyOf(change.keySet()));
    }

    @Test
    void onlyHumidifiersHaveAWaterTank() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedFaults("438M", null).set("tnke", true));
        SimulatedFaults humidifier = new SimulatedFaults("358K", null);
        assertEquals("OK", humidifier.current().getAsJsonObject("product-warnings").get("tnke").getAsString());
        assertNotNull(humidifier.set("tnke", true));
    }

    @Test
    void theBindingShowsAnInjectedWarningAndItsEnd() throws Exception {
        SimulatedFaults faults = new SimulatedFaults("358K", null);
        DeviceState state = new DeviceState();
        state.apply(MessageParser.parse(message("CURRENT-FAULTS", faults.current()).toString()));
        assertEquals(new ChannelValue.Text("NONE"), DysonChannel.ACTIVE_FAULTS.decode(state));
        JsonObject failing = faults.set("tnke", true);
        state.apply(MessageParser.parse(message("FAULTS-CHANGE", Objects.requireNonNull(failing)).toString()));
        assertEquals(new ChannelValue.Text("tnke"), DysonChannel.ACTIVE_FAULTS.decode(state));
        JsonObject ok = faults.set("tnke", false);
        state.apply(MessageParser.parse(message("FAULTS-CHANGE", Objects.requireNonNull(ok)).toString()));
        assertEquals(new ChannelValue.Text("NONE"), DysonChannel.ACTIVE_FAULTS.decode(state));
    }

    @Test
    void faultsComeByOptionAndByConsoleCommand(@TempDir Path directory) throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[] { "--faults=358K:tnke" }, new Properties());
        assertEquals(List.of("358K:tnke"), options.faults());
        try (DysonTestWorld world = DysonTestWorld.start(SimulatorOptions
                .anyPorts(List.of("358K", "475"), Duration.ZERO, directory).withFaults(options.faults()), line -> {
                })) {
            DeviceSimulator humidifier = world.devices().get(0).simulator();
            DeviceSimulator link = world.devices().get(1).simulator();
            assertEquals("FAIL", warning(humidifier, "tnke"));
            assertTrue(world.command("fault 475 fltr on").endsWith("fault fltr now FAIL"));
            assertEquals("FAIL", warning(link, "fltr"));
            assertEquals("FLTR", link.productState().get("wacd"));
            assertTrue(world.command("fault 475 tnke on").contains("water tank"));
            assertTrue(world.command("fault 999 fltr on").startsWith("No simulated device"));
            assertTrue(world.command("hello").startsWith("Unknown command"));
            assertTrue(world.command("fault 358K tnke off").endsWith("now OK"));
        }
    }

    private static String warning(DeviceSimulator simulator, String code) {
        return simulator.faultReport().getAsJsonObject("product-warnings").get(code).getAsString();
    }
}
