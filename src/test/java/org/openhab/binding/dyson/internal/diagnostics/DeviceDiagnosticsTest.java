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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.testworld.TestClock;
import org.openhab.binding.dyson.internal.transport.LinkState;
import org.openhab.binding.dyson.internal.transport.TransportKind;

/**
 * {@link DeviceDiagnostics} on a test clock: the quality figures, the transitions kept, the tap.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceDiagnosticsTest {

    private static final String STATUS = "475/AAA-EU-AAA0000A/status/current";
    private static final String COMMAND = "475/AAA-EU-AAA0000A/command";

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T08:00:00Z"));
    private final DeviceDiagnostics diagnostics = new DeviceDiagnostics(Redactor.none(), clock);

    private static String stateSet(String key, String value) {
        return "{\"msg\":\"STATE-SET\",\"time\":\"2026-01-10T08:00:00Z\",\"mode-reason\":\"LAPP\",\"data\":{\"" + key
                + "\":\"" + value + "\"}}";
    }

    private static String stateChange(String reason, String key, String old, String value) {
        return "{\"msg\":\"STATE-CHANGE\",\"time\":\"2026-01-10T08:00:00Z\",\"mode-reason\":\"" + reason
                + "\",\"product-state\":{\"" + key + "\":[\"" + old + "\",\"" + value
                + "\"],\"fpwr\":[\"ON\",\"ON\"]}}";
    }

    @Test
    void beforeAnythingHappenedTheFiguresAreEmpty() {
        QualitySnapshot snapshot = diagnostics.snapshot();

        assertEquals(LinkState.IDLE, snapshot.linkState());
        assertNull(snapshot.transport());
        assertNull(snapshot.lastMessageReceived());
        assertNull(snapshot.roundTrip());
        assertNull(snapshot.wifiSignal());
        assertEquals(0, snapshot.reconnectsLastDay());
        assertEquals(0, snapshot.messagesLastHour());
        assertEquals(List.of(), snapshot.transitions());
    }

    @Test
    void roundTripRunsFromTheCommandToTheStateChangeThatReportsItsValue() {
        diagnostics.messageOut(COMMAND, stateSet("fnsp", "0004"));
        clock.advance(Duration.ofMillis(150));
        diagnostics.messageIn(STATUS, stateChange("LAPP", "sltm", "OFF", "0030")); // another change: not it
        clock.advance(Duration.ofMillis(100));
        diagnostics.messageIn(STATUS, stateChange("LAPP", "fnsp", "0002", "0004"));

        QualitySnapshot snapshot = diagnostics.snapshot();
        assertEquals(Duration.ofMillis(250), snapshot.roundTrip());
        assertEquals(clock.instant(), snapshot.roundTripConfirmed());
    }

    @Test
    void aValueAlreadySetConfirmsOnlyWhenTheDeviceEchoesTheCommandsReason() {
        diagnostics.messageOut(COMMAND, stateSet("fnsp", "0004"));
        clock.advance(Duration.ofMillis(40));
        diagnostics.messageIn(STATUS, stateChange("RAPP", "fnsp", "0004", "0004")); // the app changed something
        assertNull(diagnostics.snapshot().roundTrip());

        clock.advance(Duration.ofMillis(60));
        diagnostics.messageIn(STATUS, stateChange("LAPP", "fnsp", "0004", "0004"));
        assertEquals(Duration.ofMillis(100), diagnostics.snapshot().roundTrip());
    }

    @Test
    void aCommandNeverConfirmedIsForgottenAndTheRequestsDoNotCount() {
        diagnostics.messageOut(COMMAND, "{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"x\"}");
        diagnostics.messageOut(COMMAND, stateSet("rstf", "RSTF"));
        clock.advance(DeviceDiagnostics.CONFIRMATION_TIMEOUT.plusSeconds(1));
        diagnostics.messageOut(COMMAND, stateSet("fnsp", "0005"));
        clock.advance(Duration.ofMillis(80));
        diagnostics.messageIn(STATUS, stateChange("LAPP", "rstf", "STET", "RSTF"));
        assertNull(diagnostics.snapshot().roundTrip(), "the filter reset timed out");

        diagnostics.messageIn(STATUS, stateChange("LAPP", "fnsp", "0001", "0005"));
        assertEquals(Duration.ofMillis(80), diagnostics.snapshot().roundTrip());
    }

    @Test
    void aRobotsActionIsConfirmedByItsNextStateChangeToAnotherState() {
        String robotStatus = "277/" + "AAA-EU-AAA0000" + "/status";
        diagnostics.messageOut(COMMAND, "{\"msg\":\"START\",\"time\":\"x\",\"mode-reason\":\"LAPP\","
                + "\"fullCleanType\":\"immediate\",\"cleaningMode\":\"global\"}");
        clock.advance(Duration.ofMillis(70));
        diagnostics.messageIn(robotStatus, "{\"msg\":\"STATE-CHANGE\",\"oldstate\":\"INACTIVE_CHARGED\","
                + "\"newstate\":\"INACTIVE_CHARGED\",\"batteryChargeLevel\":100}"); // same state: not it
        assertNull(diagnostics.snapshot().roundTrip());
        clock.advance(Duration.ofMillis(30));
        diagnostics.messageIn(robotStatus, "{\"msg\":\"STATE-CHANGE\",\"oldstate\":\"INACTIVE_CHARGED\","
                + "\"newstate\":\"FULL_CLEAN_INITIATED\",\"batteryChargeLevel\":100}");
        assertEquals(Duration.ofMillis(100), diagnostics.snapshot().roundTrip());
    }

    @Test
    void aRobotsPowerModeInDefaultsIsConfirmedByTheValueItReports() {
        String robotStatus = "277/" + "AAA-EU-AAA0000" + "/status";
        diagnostics.messageOut(COMMAND, "{\"msg\":\"STATE-SET\",\"time\":\"x\",\"mode-reason\":\"LAPP\","
                + "\"defaults\":{\"defaultCleaningStrategy\":\"quick\"}}");
        clock.advance(Duration.ofMillis(40));
        diagnostics.messageIn(robotStatus, "{\"msg\":\"STATE-CHANGE\",\"oldstate\":\"INACTIVE_CHARGED\","
                + "\"newstate\":\"INACTIVE_CHARGED\",\"defaultCleaningStrategy\":\"quick\"}");
        assertEquals(Duration.ofMillis(40), diagnostics.snapshot().roundTrip());
    }

    @Test
    void messagesPerHourSlideAndLastMessageIsTheLastReceived() {
        for (int i = 0; i < 3; i++) {
            diagnostics.messageIn(STATUS, "{\"msg\":\"CURRENT-STATE\"}");
        }
        diagnostics.messageOut(COMMAND, "{\"msg\":\"REQUEST-CURRENT-STATE\"}");
        Instant received = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        diagnostics.messageOut(COMMAND, "{\"msg\":\"REQUEST-CURRENT-STATE\"}");

        QualitySnapshot half = diagnostics.snapshot();
        assertEquals(3, half.receivedLastHour());
        assertEquals(2, half.sentLastHour());
        assertEquals(5, half.messagesLastHour());
        assertEquals(received, half.lastMessageReceived());

        clock.advance(Duration.ofMinutes(31));
        QualitySnapshot later = diagnostics.snapshot();
        assertEquals(0, later.receivedLastHour());
        assertEquals(1, later.sentLastHour());
        assertEquals(received, later.lastMessageReceived());
    }

    @Test
    void wifiSignalIsTheLastRssiTheDeviceReported() {
        diagnostics.messageIn(STATUS, "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-63\"}");
        diagnostics.messageIn(STATUS, "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"data\":{}}");
        assertEquals(-63, diagnostics.snapshot().wifiSignal());

        diagnostics.messageIn(STATUS, "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-48\"}");
        diagnostics.messageIn(STATUS, "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"n/a\"}");
        assertEquals(-48, diagnostics.snapshot().wifiSignal());
    }

    @Test
    void reconnectsCountConnectionsAfterTheFirstForADay() {
        connect("start");
        assertEquals(0, diagnostics.snapshot().reconnectsLastDay(), "the first connection is no reconnect");
        diagnostics.transition(LinkState.CONNECTED, LinkState.BACKING_OFF, "device silent for 30 s");
        diagnostics.transition(LinkState.BACKING_OFF, LinkState.CONNECTING, "back-off over");
        diagnostics.transition(LinkState.CONNECTING, LinkState.CONNECTED, "connected over LOCAL");
        clock.advance(Duration.ofHours(12));
        diagnostics.transition(LinkState.CONNECTED, LinkState.PROBING_PREFERRED, "trying the preferred");
        diagnostics.transition(LinkState.PROBING_PREFERRED, LinkState.CONNECTED, "back to the preferred");
        diagnostics.transition(LinkState.CONNECTED, LinkState.BACKING_OFF, "reconnect requested");
        diagnostics.transition(LinkState.BACKING_OFF, LinkState.CONNECTING, "back-off over");
        diagnostics.transition(LinkState.CONNECTING, LinkState.CONNECTED, "connected over LOCAL");
        assertEquals(2, diagnostics.snapshot().reconnectsLastDay(), "a switch back is no reconnect");

        clock.advance(Duration.ofHours(13));
        assertEquals(1, diagnostics.snapshot().reconnectsLastDay());
        clock.advance(Duration.ofHours(12));
        assertEquals(0, diagnostics.snapshot().reconnectsLastDay());
    }

    @Test
    void keepsTheLastTransitionsWithTimesAndReasons() {
        connect("start");
        for (int i = 0; i < DeviceDiagnostics.KEPT_TRANSITIONS; i++) {
            clock.advance(Duration.ofSeconds(1));
            diagnostics.transition(LinkState.CONNECTED, LinkState.BACKING_OFF, "drop " + i);
        }
        List<LinkTransition> transitions = diagnostics.snapshot().transitions();

        assertEquals(DeviceDiagnostics.KEPT_TRANSITIONS, transitions.size());
        assertEquals("drop 0", transitions.get(0).reason());
        LinkTransition last = transitions.get(transitions.size() - 1);
        assertEquals(new LinkTransition(clock.instant(), LinkState.CONNECTED, LinkState.BACKING_OFF,
                "drop " + (DeviceDiagnostics.KEPT_TRANSITIONS - 1)), last);
        assertEquals(LinkState.BACKING_OFF, diagnostics.snapshot().linkState());
    }

    @Test
    void awaitTransportUpReturnsTheFirstUpReportAfterTheGivenOne() throws Exception {
        diagnostics.transportReported(TransportKind.LOCAL, "local network");
        long before = diagnostics.transportReports();
        diagnostics.transportReported(TransportKind.NONE, "reconnect requested");
        assertEquals(new TransportReport(2, clock.instant(), TransportKind.NONE, "reconnect requested"),
                diagnostics.awaitTransportUp(before, Duration.ZERO), "not up yet: the last report");
        assertNull(diagnostics.awaitTransportUp(2, Duration.ZERO), "nothing after the second");

        Thread reporter = new Thread(() -> diagnostics.transportReported(TransportKind.CLOUD, "fallback: x"));
        reporter.start();
        TransportReport up = diagnostics.awaitTransportUp(before, Duration.ofSeconds(10));
        reporter.join();

        assertNotNull(up);
        assertEquals(TransportKind.CLOUD, up.kind());
        assertEquals("fallback: x", up.reason());
        assertEquals(up, diagnostics.snapshot().transport());
    }

    @Test
    void theTapSeesBothDirectionsOnlyWhileAttachedAndDropsWhenFull() throws Exception {
        diagnostics.messageIn(STATUS, "{\"msg\":\"before\"}");
        try (TrafficSubscription subscription = diagnostics.tap().attach(2)) {
            diagnostics.messageIn(STATUS, "{\"msg\":\"one\"}");
            diagnostics.messageOut(COMMAND, "{\"msg\":\"two\"}");
            diagnostics.messageIn(STATUS, "{\"msg\":\"three\"}");

            assertEquals(new TrafficRecord(clock.instant(), Direction.IN, STATUS, "{\"msg\":\"one\"}"),
                    subscription.poll(Duration.ZERO));
            TrafficRecord two = subscription.poll(Duration.ZERO);
            assertNotNull(two);
            assertEquals(Direction.OUT, two.direction());
            assertEquals(COMMAND, two.topic());
            assertNull(subscription.poll());
            assertEquals(1, subscription.dropped());
            assertEquals(1, diagnostics.tap().listeners());
        }
        assertFalse(diagnostics.tap().isTapped());
    }

    private void connect(String reason) {
        diagnostics.transition(LinkState.IDLE, LinkState.CONNECTING, reason);
        diagnostics.transition(LinkState.CONNECTING, LinkState.CONNECTED, "connected over LOCAL (local network)");
    }
}
