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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The console's words for a device's diagnostics (English, like openHAB's console). Produces plain lines; the caller
 * passes every line through the device's {@link Redactor} before printing it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DiagnosticsText {

    /** How many transitions {@link #status} lists. */
    public static final int SHOWN_TRANSITIONS = 10;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final ZoneId zone;

    public DiagnosticsText(ZoneId zone) {
        this.zone = zone;
    }

    /** The link, transport and quality lines of {@code dyson status}. */
    public List<String> status(QualitySnapshot quality) {
        List<String> lines = new ArrayList<>();
        lines.add("Link: " + quality.linkState());
        TransportReport transport = quality.transport();
        if (transport == null) {
            lines.add("Transport: none reported yet");
        } else if (transport.isUp()) {
            lines.add("Transport: " + transport.kind() + " since " + dateTime(transport.time()) + ", because: "
                    + transport.reason());
        } else {
            lines.add("Transport: none since " + dateTime(transport.time()) + ": " + transport.reason());
        }
        Instant last = quality.lastMessageReceived();
        lines.add("Last message received: "
                + (last == null ? "none yet" : dateTime(last) + " (" + ago(last, quality.time()) + ")"));
        Duration roundTrip = quality.roundTrip();
        Instant confirmed = quality.roundTripConfirmed();
        lines.add("Command round trip: " + (roundTrip == null || confirmed == null ? "no confirmed command yet"
                : roundTrip.toMillis() + " ms (last confirmed command at " + dateTime(confirmed) + ")"));
        lines.add("Reconnects in the last 24 h: " + quality.reconnectsLastDay());
        lines.add("Messages in the last hour: " + quality.messagesLastHour() + " (" + quality.receivedLastHour()
                + " received, " + quality.sentLastHour() + " sent)");
        Integer signal = quality.wifiSignal();
        lines.add("Wi-Fi signal: " + (signal == null ? "not reported by the device" : signal + " dBm"));
        List<LinkTransition> transitions = quality.transitions();
        if (transitions.isEmpty()) {
            lines.add("Last link transitions: none");
        } else {
            List<LinkTransition> shown = transitions.subList(Math.max(0, transitions.size() - SHOWN_TRANSITIONS),
                    transitions.size());
            lines.add("Last link transitions (oldest first):");
            for (LinkTransition transition : shown) {
                lines.add("  " + dateTime(transition.time()) + "  " + transition.from() + " -> " + transition.to()
                        + "  " + transition.reason());
            }
        }
        return lines;
    }

    /** One line of {@code dyson listen}: time, direction, topic, payload. */
    public String traffic(TrafficRecord record, Redactor redactor) {
        return TIME.format(record.time().atZone(zone)) + "  " + record.direction().wire() + "  "
                + redactor.text(record.topic()) + "  " + redactor.payloadText(record.payload());
    }

    /** The outcome line of {@code dyson reconnect}. */
    public String reconnectOutcome(@Nullable TransportReport report, Duration waited, Duration took) {
        if (report != null && report.isUp()) {
            return "Reconnected over " + report.kind() + " in " + seconds(took) + " (" + report.reason() + ").";
        }
        String why = report == null ? "no news from the link" : report.reason();
        return "Not connected again within " + waited.toSeconds() + " s (" + why
                + "); the binding keeps trying with its usual delays.";
    }

    public String dateTime(Instant time) {
        return DATE_TIME.format(time.atZone(zone));
    }

    private static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
