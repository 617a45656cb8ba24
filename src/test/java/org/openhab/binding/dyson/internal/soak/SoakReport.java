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
package org.openhab.binding.dyson.internal.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The summary of a soak run as plain-text tables (see {@code doc/reliability.md} for what each figure means).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SoakReport {

    private SoakReport() {
    }

    static String format(SoakResult result) {
        List<String> lines = new ArrayList<>();
        SoakOptions options = result.options();
        long cloud = result.things().stream().filter(thing -> "cloud".equals(thing.transport())).count();
        lines.add("");
        lines.add("=== Dyson reliability soak ===");
        lines.add(String.format("seed %d, %d things (%d local, %d cloud), ran %s, grace %d s, start-up %s",
                options.seed(), options.devices(), options.devices() - cloud, cloud, minutes(result.ran()),
                options.grace().toSeconds(), ReliabilitySoak.seconds(result.startup())));
        lines.add("repeat with: " + options.asArguments());
        lines.add("");
        lines.add("Commands");
        List<Long> apply = result.applyTimes();
        lines.add(row("  sent", result.sent()));
        lines.add(row("  applied", result.applied()) + (apply.isEmpty() ? ""
                : String.format("   median %d ms, longest %d ms until applied", median(apply), max(apply))));
        lines.add(row("  refused (\"not sent\")", result.refused())
                + String.format("   handler lines with \"not sent\": %d", result.refusalLines()));
        lines.add(row("  lost", result.lost()));
        result.lostDetails().forEach(detail -> lines.add("    lost: " + detail));
        lines.add("");
        lines.add(String.format("%-24s %6s %10s %10s %14s", "Faults", "count", "longest", "median", "not recovered"));
        Map<FaultKind, List<Duration>> byKind = Recoveries.timesByKind(result.recoveries());
        for (FaultKind kind : FaultKind.values()) {
            List<Duration> times = byKind.getOrDefault(kind, List.of());
            long failed = result.recoveries().stream()
                    .filter(outcome -> outcome.fault().kind() == kind && !outcome.recovered()).count();
            lines.add(faultRow("  " + kind.label(), times, failed));
        }
        lines.add(faultRow("  all faults", Recoveries.allTimes(result.recoveries()), result.faultsNotRecovered()));
        lines.add("  (recovery: from the end of a fault until every affected thing is ONLINE and reporting again)");
        lines.add("");
        lines.add(row("Reconnects", result.reconnects())
                + "   (status#transport back to LOCAL/CLOUD, all things)");
        lines.add(row("Offline episodes", result.offlineEpisodes()) + "   (ONLINE -> OFFLINE, all things)");
        lines.add("At the end: " + (result.finalCheck().recovered()
                ? "every thing ONLINE and reporting"
                : "NOT recovered: " + String.join(", ", result.finalCheck().notRecovered())));
        lines.add("");
        JvmFigures start = result.start();
        JvmFigures end = result.end();
        lines.add(String.format("%-24s %10s %10s", "JVM", "start", "end"));
        lines.add(String.format("%-24s %10s %10s", "  heap after GC", start.heapMegabytes(), end.heapMegabytes()));
        lines.add(jvmRow("  live threads", start.threads(), end.threads()));
        lines.add(jvmRow("  MQTT (binding)", start.mqttThreads(), end.mqttThreads()));
        lines.add(jvmRow("  WssSocketReceiver", start.wssThreads(), end.wssThreads()));
        lines.add(jvmRow("  dyson-network-", start.networkThreads(), end.networkThreads()));
        lines.add("  connection threads by kind: start " + start.connectionThreadKinds() + ", end "
                + end.connectionThreadKinds());
        lines.add("");
        lines.add(String.format("%-24s %-6s %-10s %8s %8s %10s  %s", "Thing", "type", "transport", "offline",
                "online", "reconnects", "status"));
        for (SoakResult.ThingFigures thing : result.things()) {
            lines.add(String.format("  %-22s %-6s %-10s %8d %8d %10d  %s", thing.serial(), thing.root(),
                    thing.transport(), thing.wentOffline(), thing.backOnline(), thing.reconnects(),
                    thing.finalStatus()));
        }
        lines.add("");
        List<String> problems = result.problems();
        lines.add(problems.isEmpty() ? "RESULT: PASSED" : "RESULT: FAILED - " + String.join("; ", problems));
        return String.join(System.lineSeparator(), lines);
    }

    private static String row(String label, long value) {
        return String.format("%-24s %6d", label, value);
    }

    private static String jvmRow(String label, int start, int end) {
        return String.format("%-24s %10d %10d", label, start, end);
    }

    private static String faultRow(String label, List<Duration> times, long failed) {
        if (times.isEmpty()) {
            return String.format("%-24s %6d %10s %10s %14d", label, 0, "-", "-", failed);
        }
        return String.format("%-24s %6d %10s %10s %14d", label, times.size(),
                ReliabilitySoak.seconds(times.get(times.size() - 1)),
                ReliabilitySoak.seconds(times.get(times.size() / 2)), failed);
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> sorted) {
        return sorted.get(sorted.size() - 1);
    }

    private static String minutes(Duration duration) {
        return String.format("%.1f min", duration.toMillis() / 60000.0);
    }
}
