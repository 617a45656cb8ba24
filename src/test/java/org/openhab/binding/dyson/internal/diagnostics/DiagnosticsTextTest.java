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
package org.openhab.binding.dyson.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.transport.LinkState;
import org.openhab.binding.dyson.internal.transport.TransportKind;

/**
 * The console's words for what the diagnostics hold, in the cases a live device rarely shows.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DiagnosticsTextTest {

    private static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");
    private final DiagnosticsText text = new DiagnosticsText(ZoneOffset.UTC);

    @Test
    void statusOfALinkThatNeverConnected() {
        QualitySnapshot quality = new QualitySnapshot(NOW, LinkState.BACKING_OFF,
                new TransportReport(1, NOW.minusSeconds(3), TransportKind.NONE, "local device unreachable"), null,
                null, null, 0, 0, 3, null,
                List.of(new LinkTransition(NOW.minusSeconds(4), LinkState.IDLE, LinkState.CONNECTING, "start"),
                        new LinkTransition(NOW.minusSeconds(3), LinkState.CONNECTING, LinkState.BACKING_OFF,
                                "local device unreachable")));

        assertEquals(List.of("Link: BACKING_OFF",
                "Transport: none since 2026-01-10 07:59:57.000: local device unreachable",
                "Last message received: none yet", "Command round trip: no confirmed command yet",
                "Reconnects in the last 24 h: 0", "Messages in the last hour: 3 (0 received, 3 sent)",
                "Wi-Fi signal: not reported by the device", "Last link transitions (oldest first):",
                "  2026-01-10 07:59:56.000  IDLE -> CONNECTING  start",
                "  2026-01-10 07:59:57.000  CONNECTING -> BACKING_OFF  local device unreachable"),
                text.status(quality));
    }

    @Test
    void statusBeforeTheLinkStartedAndLongAgo() {
        QualitySnapshot quality = new QualitySnapshot(NOW, LinkState.IDLE, null, NOW.minusSeconds(600), null, null,
                2, 1, 0, -71, List.of());

        List<String> lines = text.status(quality);
        assertEquals("Transport: none reported yet", lines.get(1));
        assertEquals("Last message received: 2026-01-10 07:50:00.000 (10 min ago)", lines.get(2));
        assertEquals("Wi-Fi signal: -71 dBm", lines.get(6));
        assertEquals("Last link transitions: none", lines.get(7));
    }

    @Test
    void reconnectOutcomes() {
        assertEquals("Reconnected over CLOUD in 1.3 s (fallback: local device unreachable).",
                text.reconnectOutcome(new TransportReport(4, NOW, TransportKind.CLOUD,
                        "fallback: local device unreachable"), Duration.ofSeconds(30), Duration.ofMillis(1260)));
        assertEquals("Not connected again within 30 s (local broker refused: bad credentials); the binding keeps"
                + " trying with its usual delays.",
                text.reconnectOutcome(new TransportReport(4, NOW, TransportKind.NONE,
                        "local broker refused: bad credentials"), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        assertEquals("Not connected again within 30 s (no news from the link); the binding keeps trying with its"
                + " usual delays.", text.reconnectOutcome(null, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void trafficLinesAreRedacted() {
        Redactor redactor = new Redactor("NK6-EU-MHA1234B", List::of);

        assertEquals("08:00:00.000  device->client  475/AA0-EU-AAA0000A/status/connection  "
                + "{\"msg\":\"HELLO\",\"serialNumber\":\"AA0-EU-AAA0000A\",\"macAddress\":\"REDACTED\"}",
                text.traffic(new TrafficRecord(NOW, Direction.IN, "475/NK6-EU-MHA1234B/status/connection",
                        "{\"msg\":\"HELLO\",\"serialNumber\":\"NK6-EU-MHA1234B\",\"macAddress\":\"aa:bb\"}"),
                        redactor));
    }
}
