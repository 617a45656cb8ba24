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

import java.util.Map;
import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Lets simulated sensor values wander so that a person watching a simulated device sees them move: every numeric
 * value (four digits, e.g. {@code tact}, {@code hact}, {@code pm25}) goes one unit up or down per step and stays
 * within {@value #SPREAD} units of its captured value and at or above zero. Values such as {@code OFF},
 * {@code INIT}, {@code NONE} or {@code FAIL} stay as they are.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class SensorDrift {

    /** How far a value may wander from its captured value, in units of the protocol (0.1 K for tact). */
    public static final int SPREAD = 5;

    private SensorDrift() {
    }

    /** Moves every numeric member of {@code data} one step; {@code original} holds the captured values. */
    public static void step(JsonObject data, JsonObject original, Random random) {
        for (Map.Entry<String, JsonElement> entry : data.entrySet()) {
            String value = entry.getValue().getAsString();
            JsonElement captured = original.get(entry.getKey());
            if (!isNumeric(value) || captured == null || !isNumeric(captured.getAsString())) {
                continue;
            }
            entry.setValue(new JsonPrimitive(
                    format(next(Integer.parseInt(value), Integer.parseInt(captured.getAsString()), random),
                            value.length())));
        }
    }

    /** One step from {@code value}: up or down by one, back towards {@code center} at the edge of the spread. */
    static int next(int value, int center, Random random) {
        int step = random.nextBoolean() ? 1 : -1;
        if (value + step > center + SPREAD || value + step < Math.max(0, center - SPREAD)) {
            step = -step;
        }
        return Math.max(0, value + step);
    }

    private static boolean isNumeric(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }

    private static String format(int value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
