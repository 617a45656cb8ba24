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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The fault report of a simulated device, as devices send it (protocol notes §4.6 and §6.4): four maps of fault code
 * to {@code OK}/{@code FAIL} in CURRENT-FAULTS (seeded from the captured message where there is one, e.g. 475/01:
 * {@code "product-errors":{...,"t&hs":"FAIL",...}}), and FAULTS-CHANGE with every code as an {@code [old, new]} pair
 * when a fault comes or goes (no FAULTS-CHANGE was captured; its shape is the one of §4.6). Warnings are the filter
 * ({@code fltr}, all families) and, on humidifiers only, the water tank ({@code tnke} empty, {@code tnkp} missing)
 * and deep clean due ({@code cldu}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedFaults {

    static final List<String> MAPS = List.of("product-errors", "product-warnings", "module-errors", "module-warnings");
    private static final Set<String> HUMIDIFIER_WARNINGS = Set.of("tnke", "tnkp", "cldu");

    private final boolean humidifier;
    private final Map<String, Map<String, String>> maps = new LinkedHashMap<>();

    /** The report of a device of family {@code root}, seeded with its captured CURRENT-FAULTS (null: all OK). */
    public SimulatedFaults(String root, @Nullable JsonObject captured) {
        humidifier = root.startsWith("358");
        for (String map : MAPS) {
            Map<String, String> codes = new LinkedHashMap<>();
            if (captured != null && captured.has(map)) {
                for (Map.Entry<String, JsonElement> entry : captured.getAsJsonObject(map).entrySet()) {
                    codes.put(entry.getKey(), entry.getValue().getAsString());
                }
            }
            maps.put(map, codes);
        }
        maps.get("product-warnings").putIfAbsent("fltr", "OK");
        if (humidifier) {
            HUMIDIFIER_WARNINGS.forEach(code -> maps.get("product-warnings").putIfAbsent(code, "OK"));
        }
    }

    /** The maps of a CURRENT-FAULTS message. */
    public synchronized JsonObject current() {
        JsonObject message = new JsonObject();
        maps.forEach((name, codes) -> {
            JsonObject map = new JsonObject();
            codes.forEach(map::addProperty);
            message.add(name, map);
        });
        return message;
    }

    /**
     * Lets {@code code} fail (or recover) and returns the maps of the FAULTS-CHANGE to send, or null if nothing
     * changed. An unknown code becomes a product error.
     *
     * @throws IllegalArgumentException for a water-tank or deep-clean warning on a device without a water tank
     */
    public synchronized @Nullable JsonObject set(String code, boolean failing) {
        if (HUMIDIFIER_WARNINGS.contains(code) && !humidifier) {
            throw new IllegalArgumentException("Only humidifiers (358x) have a water tank: " + code);
        }
        Map<String, String> target = maps.values().stream().filter(codes -> codes.containsKey(code)).findFirst()
                .orElse(maps.get("product-errors"));
        String value = failing ? "FAIL" : "OK";
        Map<String, Map<String, String>> old = new LinkedHashMap<>();
        maps.forEach((name, codes) -> old.put(name, new LinkedHashMap<>(codes)));
        if (value.equals(target.put(code, value))) {
            return null;
        }
        JsonObject change = new JsonObject();
        maps.forEach((name, codes) -> {
            JsonObject map = new JsonObject();
            codes.forEach((key, now) -> {
                JsonArray pair = new JsonArray();
                pair.add(old.get(name).getOrDefault(key, "OK"));
                pair.add(now);
                map.add(key, pair);
            });
            change.add(name, map);
        });
        return change;
    }
}
