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
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.handler.DiagnosticsFixture.FAKE_SERIAL;
import static org.openhab.binding.dyson.internal.handler.DiagnosticsFixture.ROOT;
import static org.openhab.binding.dyson.internal.handler.DiagnosticsFixture.SERIAL;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.device.CaptureReplayTest;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.core.io.console.ConsoleCommandCompleter;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.RefreshType;

/**
 * {@code dyson status|listen|capture|reconnect} against a device thing connected to the loopback world (embedded
 * broker and simulated device), printing into a recording console.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ConsoleDiagnosticsTest {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d";
    private static final String DATE_TIME = "\\d{4}-\\d\\d-\\d\\d " + TIME;

    private final DiagnosticsFixture fixture;
    private @Nullable DeviceHarness started;

    @TempDir
    Path dir = Path.of(".");

    private static @Nullable LoopbackWorld world;

    ConsoleDiagnosticsTest() {
        fixture = new DiagnosticsFixture(DeviceHarness.nonNull(world));
    }

    @BeforeAll
    static void startWorld() throws Exception {
        world = DiagnosticsFixture.startWorld();
    }

    @AfterAll
    static void stopWorld() throws Exception {
        DeviceHarness.nonNull(world).close();
    }

    @BeforeEach
    void start() {
        started = fixture.startDevice();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private DeviceHarness device() {
        return DeviceHarness.nonNull(started);
    }

    private String uid() {
        return DiagnosticsFixture.uid(device());
    }

    private String fakeUid() {
        return "dyson:pure-cool-link:" + FAKE_SERIAL;
    }

    /** Sends a fan speed other than the current one and waits for the device to report it. */
    private void changeFanSpeed() {
        int speed = "0003".equals(fixture.world.device().productState().get("fnsp")) ? 4 : 3;
        device().command(DysonChannel.FAN_SPEED, new DecimalType(speed));
        await().atMost(WAIT).until(() -> new DecimalType(speed).equals(device().state(DysonChannel.FAN_SPEED)));
    }

    private static void assertMatches(String regex, String line) {
        assertTrue(Pattern.matches(regex, line), "'" + line + "' does not match " + regex);
    }

    @Test
    void statusShowsTransportTransitionsAndQuality() {
        changeFanSpeed();

        fixture.run("status " + uid());

        List<String> lines = fixture.lines;
        assertEquals(fakeUid() + "  ONLINE  \"-\"", lines.get(0));
        assertEquals("Link: CONNECTED", lines.get(1));
        assertMatches("Transport: LOCAL since " + DATE_TIME + ", because: local network", lines.get(2));
        assertMatches("Last message received: " + DATE_TIME + " \\(\\d+ s ago\\)", lines.get(3));
        assertMatches("Command round trip: \\d+ ms \\(last confirmed command at " + DATE_TIME + "\\)", lines.get(4));
        assertEquals("Reconnects in the last 24 h: 0", lines.get(5));
        assertMatches("Messages in the last hour: \\d+ \\(\\d+ received, \\d+ sent\\)", lines.get(6));
        assertEquals("Wi-Fi signal: -63 dBm", lines.get(7));
        assertEquals("Last link transitions (oldest first):", lines.get(8));
        assertMatches("  " + DATE_TIME + "  IDLE -> CONNECTING  start", lines.get(9));
        assertMatches("  " + DATE_TIME + "  CONNECTING -> CONNECTED  connected over LOCAL \\(local network\\)",
                lines.get(10));
        assertEquals(11, lines.size(), fixture.text());
    }

    @Test
    void listenPrintsMessagesBothWaysUntilInterrupted() throws Exception {
        Thread listening = fixture.runInBackground("listen " + uid() + " 600");
        DiagnosticsFixture.awaitTapped(device());
        changeFanSpeed();
        await().atMost(WAIT).until(() -> fixture.lines.stream().anyMatch(line -> line.contains("STATE-CHANGE")));
        listening.interrupt();
        listening.join();

        List<String> lines = fixture.lines;
        assertEquals("Listening to " + fakeUid() + " for 600 s (serial numbers and secrets redacted; the console"
                + " offers no key input, Ctrl+C stops):", lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> Pattern.matches(TIME + "  client->device  " + ROOT + "/"
                + FAKE_SERIAL + "/command  \\{\"msg\":\"STATE-SET\",.*\"fnsp\":\"000\\d\".*", line)),
                fixture.text());
        assertTrue(lines.stream().anyMatch(line -> Pattern.matches(TIME + "  device->client  " + ROOT + "/"
                + FAKE_SERIAL + "/status/current  \\{\"msg\":\"STATE-CHANGE\",.*", line)), fixture.text());
        assertMatches("Stopped after \\d+ s: \\d+ messages\\.", lines.get(lines.size() - 1));
        assertFalse(DiagnosticsFixture.diagnostics(device()).tap().isTapped(), "detached");
    }

    @Test
    void listenStopsWhenTheTimeIsUp() {
        fixture.run("listen " + uid() + " 1");

        assertMatches("Time is up: \\d+ messages\\.", fixture.lines.get(fixture.lines.size() - 1));
        assertFalse(DiagnosticsFixture.diagnostics(device()).tap().isTapped(), "detached");
    }

    @Test
    void captureWritesAFileThatIsAFixtureAsItIs() throws Exception {
        Path file = Files.createDirectories(dir.resolve(ROOT)).resolve("99-console-capture.jsonl");
        Thread capturing = fixture.runInBackground("capture " + uid() + " 600 " + file);
        DiagnosticsFixture.awaitTapped(device());
        device().command(DysonChannel.POWER, RefreshType.REFRESH); // polls state and sensors now
        changeFanSpeed();
        await().atMost(WAIT).until(() -> {
            String text = Files.readString(file);
            return text.contains("\"CURRENT-STATE\"") && text.contains("\"STATE-CHANGE\"")
                    && text.contains("\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\"");
        });
        capturing.interrupt();
        capturing.join();

        List<String> lines = fixture.lines;
        assertEquals("Capturing " + fakeUid() + " for 600 s into " + file + " ...", lines.get(0));
        assertMatches("Stopped early: \\d+ messages in " + Pattern.quote(file.toString())
                + " \\(\\d+ polling requests of the binding left out\\)\\.", lines.get(1));
        assertEquals("Serial numbers are replaced by " + FAKE_SERIAL
                + ", secrets by REDACTED; the file can be attached to a bug report as it is.", lines.get(2));

        List<String> captured = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : captured) {
            assertTrue(line.startsWith("{\"topic\":\"" + ROOT + "/" + FAKE_SERIAL + "/"), line);
            assertTrue(line.contains(",\"topic_recorded\":true,\"direction\":\""), line);
            assertFalse(line.contains("REQUEST-"), "requests left out: " + line);
        }
        assertTrue(captured.stream().anyMatch(line -> line.contains("\"direction\":\"client->device\"")
                && line.contains("\"STATE-SET\"")), "the command is in");
        CaptureReplayTest.replay(Captures.read(ROOT, file));
    }

    @Test
    void captureNeverOverwritesAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

        fixture.run("capture " + uid() + " 5 " + file);

        assertEquals(List.of("Capturing " + fakeUid() + " for 5 s into " + file + " ...",
                "Nothing captured: " + file + " exists already (a capture never overwrites a file)."), fixture.lines);
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void listenAndCaptureRefuseSecondsOutOfRange() {
        for (String line : List.of("listen " + uid() + " 0", "listen " + uid() + " soon",
                "capture " + uid() + " 3601 " + dir.resolve("x.jsonl"))) {
            fixture.run(line);
            assertEquals(List.of("Seconds must be a whole number from 1 to 3600."), fixture.lines, line);
        }
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }

    @Test
    void reconnectDropsAndReconnectsAndSaysHowItWent() {
        fixture.run("reconnect " + uid());

        assertEquals("Reconnecting " + fakeUid() + " (waiting up to 30 s) ...", fixture.lines.get(0));
        assertMatches("Reconnected over LOCAL in \\d+\\.\\d s \\(local network\\)\\.", fixture.lines.get(1));
        assertEquals(2, fixture.lines.size(), fixture.text());
        await().atMost(WAIT).until(() -> device().status() == ThingStatus.ONLINE);

        fixture.run("status " + uid());
        assertTrue(fixture.lines.contains("Reconnects in the last 24 h: 1"), fixture.text());
        assertTrue(fixture.lines.stream()
                .anyMatch(line -> line.endsWith("CONNECTED -> BACKING_OFF  reconnect requested")), fixture.text());
    }

    @Test
    void aThingThatIsNotRunningHasNoDiagnostics() {
        device().close();
        device().thing().setHandler(null); // as core does after disposing

        fixture.run("reconnect " + uid());
        assertEquals(List.of("No running Dyson device thing has that UID; see 'dyson devices <accountThingUID>' or"
                + " the things in the UI."), fixture.lines);
    }

    @Test
    void unknownUidsAreNotEchoed() {
        for (String command : List.of("status", "reconnect", "listen")) {
            fixture.run(command + " dyson:pure-cool-link:" + SERIAL + "X");
            assertEquals(List.of("No running Dyson device thing has that UID; see 'dyson devices <accountThingUID>'"
                    + " or the things in the UI."), fixture.lines);
        }
        fixture.run("status no-uid");
        assertEquals(List.of("Not a thing UID."), fixture.lines);
    }

    @Test
    void completesDeviceThingUidsForTheDeviceCommands() {
        List<String> candidates = new ArrayList<>();
        ConsoleCommandCompleter completer = fixture.command.getCompleter();
        assertNotNull(completer);

        assertTrue(completer.complete(new String[] { "listen", "dyson:pure" }, 1, 10, candidates));
        assertEquals(List.of(uid() + " "), candidates);
    }
}
