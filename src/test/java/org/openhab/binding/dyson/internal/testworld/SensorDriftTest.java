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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Tests {@link SensorDrift}: numeric values move one unit per step within the spread and never below zero, other
 * values stay.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SensorDriftTest {

    @Test
    void numericValuesMoveOneUnitWithinTheSpreadOthersStay() {
        JsonObject original = JsonParser
                .parseString("{\"tact\":\"2951\",\"pm25\":\"0000\",\"hact\":\"FAIL\",\"sltm\":\"OFF\"}")
                .getAsJsonObject();
        JsonObject data = original.deepCopy();
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            int tact = Integer.parseInt(data.get("tact").getAsString());
            int pm25 = Integer.parseInt(data.get("pm25").getAsString());
            SensorDrift.step(data, original, random);
            int nextTact = Integer.parseInt(data.get("tact").getAsString());
            int nextPm25 = Integer.parseInt(data.get("pm25").getAsString());
            assertEquals(1, Math.abs(nextTact - tact));
            assertEquals(1, Math.abs(nextPm25 - pm25));
            assertTrue(Math.abs(nextTact - 2951) <= SensorDrift.SPREAD);
            assertTrue(nextPm25 >= 0 && nextPm25 <= SensorDrift.SPREAD);
            assertEquals(4, data.get("pm25").getAsString().length());
        }
        assertEquals("FAIL", data.get("hact").getAsString());
        assertEquals("OFF", data.get("sltm").getAsString());
    }
}
