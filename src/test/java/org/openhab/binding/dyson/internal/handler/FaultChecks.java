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
package org.openhab.binding.dyson.internal.handler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mockingDetails;

import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.transport.ThreadCounts;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.State;

/**
 * What every fault case checks, as small assertions on a {@link DeviceHarness}: the status and the reason shown,
 * recovery, that no command is lost silently, that nothing unexpected reached the log and that no connection thread
 * is left. Reasons are matched by stable substrings, never whole sentences.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class FaultChecks {

    /** Bound for a fault to show and for recovery: generous, these are behaviour checks, not benchmarks. */
    static final Duration WAIT = Duration.ofSeconds(25);
    /** How long a handler method may take before it counts as blocking openHAB's thread. */
    static final Duration PROMPT = Duration.ofSeconds(3);

    private FaultChecks() {
    }

    /** Waits until the thing is OFFLINE with this detail and a description containing {@code reasonPart}. */
    static void awaitOffline(DeviceHarness harness, ThingStatusDetail detail, String reasonPart) {
        await().atMost(WAIT).untilAsserted(() -> {
            ThingStatusInfo info = harness.statusInfo();
            assertEquals(ThingStatus.OFFLINE, info.getStatus(), info.toString());
            assertEquals(detail, info.getStatusDetail(), info.toString());
            assertTrue(String.valueOf(info.getDescription()).contains(reasonPart), info.toString());
        });
    }

    /** Waits until the {@code transport} channel shows {@code kind} and {@code transport-reason} contains a part. */
    static void awaitTransport(DeviceHarness harness, String kind, String reasonPart) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(kind, String.valueOf(harness.state(DysonChannel.TRANSPORT)));
            String reason = String.valueOf(harness.state(DysonChannel.TRANSPORT_REASON));
            assertTrue(reason.contains(reasonPart), reason);
        });
    }

    /** Every {@code transport-reason} the thing has shown so far, oldest first. */
    static List<String> reasonsShown(DeviceHarness harness) {
        String id = DysonChannel.TRANSPORT_REASON.uidSuffix();
        return mockingDetails(harness.callback).getInvocations().stream()
                .filter(call -> "stateUpdated".equals(call.getMethod().getName())
                        && id.equals(call.<ChannelUID> getArgument(0).getId()))
                .map(call -> String.valueOf(call.<Object> getArgument(1))).toList();
    }

    /**
     * Waits until the thing has shown OFFLINE (COMMUNICATION_ERROR) with {@code reasonPart} in its description and
     * in {@code transport-reason}, at some point: for faults that may already be over when the test looks.
     */
    static void awaitReasonShown(DeviceHarness harness, String reasonPart) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            List<ThingStatusInfo> statuses = List.copyOf(harness.statuses);
            assertTrue(statuses.stream().anyMatch(info -> info.getStatus() == ThingStatus.OFFLINE
                    && info.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR
                    && String.valueOf(info.getDescription()).contains(reasonPart)), statuses.toString());
            List<String> reasons = reasonsShown(harness);
            assertTrue(reasons.stream().anyMatch(reason -> reason.contains(reasonPart)), reasons.toString());
        });
    }

    /** OFFLINE (COMMUNICATION_ERROR) with the reason both in the status and in {@code transport-reason}. */
    static void awaitUnreachable(DeviceHarness harness, String reasonPart) {
        awaitOffline(harness, ThingStatusDetail.COMMUNICATION_ERROR, reasonPart);
        awaitTransport(harness, "NONE", reasonPart);
    }

    /**
     * ONLINE again, showing the power and night mode the simulated device has now (the handler updates only channels
     * whose values changed, so a test changes the device while the fault lasts to see fresh values).
     */
    static void awaitOnlineWithFreshState(DeviceHarness harness, DeviceSimulator simulator, String powerKey) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(ThingStatus.ONLINE, harness.status(), harness.statusInfo().toString());
            assertEquals(power(simulator, powerKey), harness.state(DysonChannel.POWER));
            assertEquals(OnOffType.from("ON".equals(simulator.productState().get("nmod"))),
                    harness.state(DysonChannel.NIGHT_MODE));
        });
    }

    private static State power(DeviceSimulator simulator, String powerKey) {
        String value = simulator.productState().get(powerKey);
        // Link devices: fmod OFF vs FAN/AUTO; newer ones: fpwr ON/OFF
        return OnOffType.from(value != null && !"OFF".equals(value));
    }

    /** The night mode switched, as a command to send: flips whatever the simulated device has now. */
    static OnOffType otherNightMode(DeviceSimulator simulator) {
        return OnOffType.from(!"ON".equals(simulator.productState().get("nmod")));
    }

    /** A command sent while the link was down, to be checked once it is up again. */
    record PendingCommand(DeviceHarness harness, DeviceSimulator simulator, DysonChannel channel, long stateSetsBefore,
            int logLinesBefore) {

        /** Nothing lost: the device received it after recovery, or the handler said at once it was not sent. */
        void assertAppliedOrRefused(LogCapture logs) {
            String channelId = harness.uid(channel).getId();
            await().atMost(WAIT).untilAsserted(() -> {
                boolean applied = simulator.receivedCount("STATE-SET") > stateSetsBefore;
                List<String> lines = logs.lines();
                boolean refused = lines.subList(Math.min(logLinesBefore, lines.size()), lines.size()).stream()
                        .anyMatch(line -> line.contains("not sent") && line.contains(channelId));
                assertTrue(applied || refused, "the command for " + channelId + " was neither applied nor refused");
            });
        }
    }

    /** Sends a night-mode command while the link is down (the handler must return normally). */
    static PendingCommand commandWhileDown(DeviceHarness harness, DeviceSimulator simulator, LogCapture logs) {
        PendingCommand pending = new PendingCommand(harness, simulator, DysonChannel.NIGHT_MODE,
                simulator.receivedCount("STATE-SET"), logs.lines().size());
        harness.command(DysonChannel.NIGHT_MODE, otherNightMode(simulator));
        return pending;
    }

    /** A command sent while ONLINE reaches the simulated device and its new value comes back on the channel. */
    static void commandReachesTheDevice(DeviceHarness harness, DeviceSimulator simulator) {
        OnOffType night = otherNightMode(simulator);
        long before = simulator.receivedCount("STATE-SET");
        harness.command(DysonChannel.NIGHT_MODE, night);
        await().atMost(WAIT).until(() -> simulator.receivedCount("STATE-SET") > before);
        await().atMost(WAIT).until(() -> night.equals(harness.state(DysonChannel.NIGHT_MODE)));
    }

    /** No ERROR line and no WARN about something unexpected or a failed listener: nothing escaped. */
    static void assertNothingEscaped(LogCapture logs) {
        for (String line : logs.lines()) {
            boolean binding = line.contains(" org.openhab.binding.dyson.");
            boolean error = line.startsWith("ERROR");
            boolean unexpected = line.startsWith("WARN") && (line.contains("Unexpected")
                    || line.contains("Listener failed"));
            assertTrue(!binding || !(error || unexpected), "escaped: " + line);
        }
    }

    /** A DEBUG line of the binding that contains {@code part} was logged. */
    static void assertDebugLine(LogCapture logs, String part) {
        await().atMost(WAIT).untilAsserted(() -> assertTrue(logs.lines().stream()
                .anyMatch(line -> line.startsWith("DEBUG org.openhab.binding.dyson.") && line.contains(part)),
                "no DEBUG line with: " + part));
    }

    /** The connection threads now alive, to compare with after a dispose. */
    static List<String> threads() {
        return ThreadCounts.pahoNames();
    }

    /** Disposes the thing (it must return promptly) and waits until its connection threads are gone. */
    static void disposeLeavesNothing(DeviceHarness harness, List<String> threadsBefore) {
        long start = System.nanoTime();
        harness.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PROMPT) < 0, "dispose took " + took.toMillis() + " ms");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(threadsBefore, threads()));
    }
}
