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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MessageFactoryTest {

    private final MessageFactory messages = new MessageFactory(
            Clock.fixed(Instant.parse("2025-01-01T12:00:00.123Z"), ZoneOffset.UTC));

    @Test
    void requestsCarryTheTimeInIsoUtcSeconds() {
        assertEquals("{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"2025-01-01T12:00:00Z\"}",
                messages.requestCurrentState());
        assertEquals("{\"msg\":\"REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA\",\"time\":\"2025-01-01T12:00:00Z\"}",
                messages.requestEnvironment());
        assertEquals("{\"msg\":\"REQUEST-CURRENT-FAULTS\",\"time\":\"2025-01-01T12:00:00Z\"}",
                messages.requestCurrentFaults());
    }

    @Test
    void stateSetKeepsTheDataOrderAndSaysWhoSentIt() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("fpwr", "ON");
        data.put("fnsp", "0005");
        assertEquals("{\"msg\":\"STATE-SET\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\","
                + "\"data\":{\"fpwr\":\"ON\",\"fnsp\":\"0005\"}}", messages.stateSet(data));
        assertThrows(IllegalArgumentException.class, () -> messages.stateSet(Map.of()));
    }

    @Test
    void robotCommandsCarryTheirFieldsAfterTheEnvelope() {
        Map<String, String> start = new LinkedHashMap<>();
        start.put("fullCleanType", "immediate");
        start.put("cleaningMode", "global");
        assertEquals("{\"msg\":\"START\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\","
                + "\"fullCleanType\":\"immediate\",\"cleaningMode\":\"global\"}",
                messages.robotCommand("START", start));
        assertEquals("{\"msg\":\"PAUSE\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\"}",
                messages.robotCommand("PAUSE", Map.of()));
        assertEquals("{\"msg\":\"STATE-SET\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\","
                + "\"defaults\":{\"defaultCleaningStrategy\":\"boost\"}}",
                messages.robotCommand("STATE-SET", Map.of("defaults", Map.of("defaultCleaningStrategy", "boost"))));
    }
}
