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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaptureWriter}: the recorded-capture line format, redaction, what is left out, no overwriting.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CaptureWriterTest {

    private static final String SERIAL = "NK6-EU-MHA1234B";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Redactor redactor = new Redactor(SERIAL, () -> List.of("sticker-Wifi-Pw1"));

    @TempDir
    Path dir;

    private static TrafficRecord record(Direction direction, String topic, String payload) {
        return new TrafficRecord(Instant.parse("2026-01-10T08:00:00Z"), direction, topic, payload);
    }

    @Test
    void aLineIsTheWrapperOfTheRecordedCapturesWithFakeSerial() {
        String line = CaptureWriter.line(redactor, record(Direction.IN, "475/" + SERIAL + "/status/faults",
                "{\"msg\":\"CURRENT-FAULTS\",\"product-errors\":{\"t&hs\":\"FAIL\"},\"note\":\"sticker-Wifi-Pw1\"}"));

        assertEquals("{\"topic\":\"475/AA0-EU-AAA0000A/status/faults\",\"topic_recorded\":true,"
                + "\"direction\":\"device->client\",\"payload\":{\"msg\":\"CURRENT-FAULTS\","
                + "\"product-errors\":{\"t&hs\":\"FAIL\"},\"note\":\"REDACTED\"}}", line);
    }

    @Test
    void commandsAreKeptAndTheBindingsOwnRequestsLeftOut() {
        String command = CaptureWriter.line(redactor, record(Direction.OUT, "475/" + SERIAL + "/command",
                "{\"msg\":\"STATE-SET\",\"time\":\"t\",\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"0004\"}}"));

        assertEquals("{\"topic\":\"475/AA0-EU-AAA0000A/command\",\"topic_recorded\":true,"
                + "\"direction\":\"client->device\",\"payload\":{\"msg\":\"STATE-SET\",\"time\":\"t\","
                + "\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"0004\"}}}", command);
        assertNull(CaptureWriter.line(redactor, record(Direction.OUT, "475/" + SERIAL + "/command",
                "{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"t\"}")));
    }

    @Test
    void aRobotsCommandsAreKeptToo() {
        for (String msg : List.of("START", "PAUSE", "RESUME", "ABORT")) {
            String command = CaptureWriter.line(redactor, record(Direction.OUT, "N223/" + SERIAL + "/command",
                    "{\"msg\":\"" + msg + "\",\"time\":\"t\",\"mode-reason\":\"LAPP\"}"));
            assertEquals("{\"topic\":\"N223/AA0-EU-AAA0000A/command\",\"topic_recorded\":true,"
                    + "\"direction\":\"client->device\",\"payload\":{\"msg\":\"" + msg
                    + "\",\"time\":\"t\",\"mode-reason\":\"LAPP\"}}", command);
        }
        assertNull(CaptureWriter.line(redactor, record(Direction.OUT, "N223/" + SERIAL + "/command", "{}")));
    }

    @Test
    void captureWritesWhatTheTapSeesUntilStopped() throws Exception {
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(redactor);
        Path file = dir.resolve("capture.jsonl");
        AtomicReference<CaptureWriter.@Nullable Result> result = new AtomicReference<>();
        Thread capturing = new Thread(() -> {
            try {
                result.set(CaptureWriter.capture(diagnostics, file, Duration.ofMinutes(5)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        capturing.start();
        await().atMost(WAIT).until(() -> diagnostics.tap().isTapped());
        diagnostics.messageOut("475/" + SERIAL + "/command", "{\"msg\":\"REQUEST-CURRENT-STATE\"}");
        diagnostics.messageIn("475/" + SERIAL + "/status/current", "{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-50\"}");
        await().atMost(WAIT).until(() -> Files.exists(file) && Files.readAllLines(file).size() == 1);
        capturing.interrupt();
        capturing.join();

        assertEquals(new CaptureWriter.Result(file, 1, 1, 0, true), result.get());
        assertEquals(List.of("{\"topic\":\"475/AA0-EU-AAA0000A/status/current\",\"topic_recorded\":true,"
                + "\"direction\":\"device->client\",\"payload\":{\"msg\":\"CURRENT-STATE\",\"rssi\":\"-50\"}}"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
        assertFalse(diagnostics.tap().isTapped(), "detached afterwards");
    }

    @Test
    void captureEndsWhenTheTimeIsUp() throws Exception {
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(redactor);
        Path file = dir.resolve("empty.jsonl");

        assertEquals(new CaptureWriter.Result(file, 0, 0, 0, false),
                CaptureWriter.capture(diagnostics, file, Duration.ofMillis(50)));
        assertEquals(List.of(), Files.readAllLines(file));
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.txt"), "keep me");

        assertThrows(FileAlreadyExistsException.class,
                () -> CaptureWriter.capture(new DeviceDiagnostics(redactor), file, Duration.ofMillis(10)));
        assertEquals("keep me", Files.readString(file));
    }
}
