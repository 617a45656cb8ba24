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

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes a device's traffic to a JSON Lines file in exactly the format of the project's recorded captures
 * ({@code src/test/resources/captures/<product type>/*.jsonl}), one message per line:
 *
 * <pre>
 * {"topic":"475/AAA-EU-AAA0000A/status/current","topic_recorded":true,"direction":"device->client","payload":{...}}
 * </pre>
 *
 * Everything goes through the device's {@link Redactor}: the serial becomes a fake one, secrets and private values
 * become {@value Redactor#REDACTED}. Like the recorded captures it holds what the device sent and the commands
 * ({@code STATE-SET}; a robot vacuum's {@code START}, {@code PAUSE}, {@code RESUME}, {@code ABORT}) sent to it; the
 * binding's own requests ({@code REQUEST-CURRENT-STATE} and the like) are left out. So a capture can be dropped into
 * the test resources as it is.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class CaptureWriter {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * What a capture wrote.
     *
     * @param written messages written
     * @param leftOut the binding's own requests, not written
     * @param dropped messages lost because the writer fell behind (the tap's queue was full)
     * @param interrupted the capture was stopped before its time was up
     */
    public record Result(Path file, int written, int leftOut, long dropped, boolean interrupted) {
    }

    private CaptureWriter() {
    }

    /**
     * Captures the device's traffic for {@code duration} into {@code file}, which must not exist yet (a capture never
     * overwrites a file). Blocks the calling thread for the duration; an interrupt ends it early (the file then holds
     * what came so far and the thread's interrupt flag is set again).
     *
     * @throws IOException when the file cannot be created or written
     */
    public static Result capture(DeviceDiagnostics diagnostics, Path file, Duration duration) throws IOException {
        int written = 0;
        int leftOut = 0;
        boolean interrupted = false;
        long dropped;
        try (TrafficSubscription subscription = diagnostics.tap().attach();
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long deadline = System.nanoTime() + duration.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TrafficRecord record;
                try {
                    record = subscription.poll(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                if (record == null) {
                    continue;
                }
                String line = line(diagnostics.redactor(), record);
                if (line == null) {
                    leftOut++;
                    continue;
                }
                out.write(line);
                out.write('\n');
                out.flush();
                written++;
            }
            dropped = subscription.dropped();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Result(file, written, leftOut, dropped, interrupted);
    }

    /**
     * The capture line of one message, redacted; null for a request the binding sends by itself (every message to
     * the device that is not a command: its {@code msg} starts with {@code REQUEST-}, or it has none).
     */
    public static @Nullable String line(Redactor redactor, TrafficRecord record) {
        JsonElement payload = redactor.payload(record.payload());
        if (record.direction() == Direction.OUT && !isCommand(payload)) {
            return null;
        }
        JsonObject line = new JsonObject();
        line.addProperty("topic", redactor.text(record.topic()));
        line.addProperty("topic_recorded", true);
        line.addProperty("direction", record.direction().wire());
        line.add("payload", payload);
        return GSON.toJson(line);
    }

    private static boolean isCommand(JsonElement payload) {
        return payload instanceof JsonObject object && object.get("msg") instanceof JsonPrimitive msg
                && !msg.getAsString().startsWith("REQUEST-");
    }
}
