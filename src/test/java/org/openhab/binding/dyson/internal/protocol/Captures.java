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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads the recorded device traffic copied to {@code src/test/resources/captures/<root>/*.jsonl} (air treatment
 * devices) and {@code src/test/resources/captures-robots/<root>/*.jsonl} (robot vacuums).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class Captures {

    /** One line of a capture file. */
    public record Line(String root, String file, int lineNumber, String direction, String payload) {
        public boolean fromDevice() {
            return "device->client".equals(direction);
        }

        @Override
        public String toString() {
            return root + "/" + file + ":" + lineNumber;
        }
    }

    /** One capture file. */
    public record CaptureFile(String root, String name, List<Line> lines) {
        @Override
        public String toString() {
            return root + "/" + name;
        }
    }

    private Captures() {
    }

    /** Every capture file of the air treatment devices, sorted by root and name. */
    public static List<CaptureFile> all() {
        return allIn(baseDirectory("captures"));
    }

    /** Every capture file of the robot vacuums ({@code src/test/resources/captures-robots}), sorted. */
    public static List<CaptureFile> robots() {
        return allIn(baseDirectory("captures-robots"));
    }

    /** One robot capture file, e.g. {@code robotFile("277", "02-matterbridge-dyson-robot-i16-c3398240594.jsonl")}. */
    public static CaptureFile robotFile(String root, String name) {
        return read(root, baseDirectory("captures-robots").resolve(root).resolve(name));
    }

    private static List<CaptureFile> allIn(Path base) {
        List<CaptureFile> files = new ArrayList<>();
        try (Stream<Path> roots = Files.list(base)) {
            for (Path rootDir : roots.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> jsonl = Files.list(rootDir)) {
                    for (Path file : jsonl.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                        files.add(read(rootDir.getFileName().toString(), file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** One capture file, e.g. {@code file("475", "02-homebridge-dyson-link-i36-c386931941.jsonl")}. */
    public static CaptureFile file(String root, String name) {
        return read(root, baseDirectory("captures").resolve(root).resolve(name));
    }

    /** The device→client payloads of a file, in order. */
    public static List<String> devicePayloads(String root, String name) {
        return file(root, name).lines().stream().filter(Line::fromDevice).map(Line::payload).toList();
    }

    /** A capture file anywhere, read as one of the product type {@code root}. */
    public static CaptureFile read(String root, Path file) {
        try {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).isBlank()) {
                    continue;
                }
                JsonObject wrapper = JsonParser.parseString(text.get(i)).getAsJsonObject();
                lines.add(new Line(root, file.getFileName().toString(), i + 1,
                        wrapper.get("direction").getAsString(), wrapper.get("payload").toString()));
            }
            return new CaptureFile(root, file.getFileName().toString(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path baseDirectory(String folder) {
        URL url = Objects.requireNonNull(Captures.class.getClassLoader().getResource(folder),
                folder + " missing from the test resources");
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
