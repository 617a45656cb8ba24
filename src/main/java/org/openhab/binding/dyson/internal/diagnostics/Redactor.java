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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The one place where diagnostics output of a device is made safe to print or save: every text the console prints
 * about the device and every message it shows or captures goes through here. It replaces
 * <ul>
 * <li>the device's serial number (any case) by a fake one of the same shape ({@link #fakeSerial(String)}), as in the
 * project's recorded captures; also where a robot vacuum writes it into its ids ({@code cleanId}, {@code sessionId},
 * {@code persistentMapId}): the hex of its first 12 letters and digits as the id's tail, e.g.
 * {@code 02000000-4130-4145-5541-414130303030};</li>
 * <li>every known secret (local MQTT password, sticker Wi-Fi password, AWS IoT token and signature: whatever the
 * supplier knows), also URL-encoded, by {@value #REDACTED}, wherever it occurs;</li>
 * <li>in JSON payloads, the value of every key that names a secret or a network identity (password, token, secret,
 * credential, signature, code, MAC or IP address, SSID, e-mail) by {@value #REDACTED};</li>
 * <li>control characters by {@code ?} (no terminal escapes).</li>
 * </ul>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class Redactor {

    public static final String REDACTED = "REDACTED";

    /** Keys (lower case, without '-' and '_') containing one of these hold secrets. */
    private static final List<String> SECRET_KEY_PARTS = List.of("password", "passwd", "secret", "token",
            "credential", "signature", "authoriz", "apikey", "otp");
    /** Keys (lower case, without '-' and '_') that are exactly one of these identify a person or a network. */
    private static final Set<String> PRIVATE_KEYS = Set.of("code", "mac", "macaddress", "ssid", "bssid", "ip",
            "ipaddress", "email", "hostname");
    /** Shorter known secrets are not searched for (they would match ordinary text). */
    private static final int MIN_SECRET_LENGTH = 6;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** A robot's ids end in the hex of this many letters and digits of its serial. */
    private static final int SERIAL_CHARS_IN_IDS = 12;

    private final String fakeSerial;
    private final Pattern serial;
    private final Pattern serialInIds;
    private final String fakeSerialInIds;
    private final Supplier<Collection<String>> secrets;

    /**
     * @param serial the device's serial number (blank: none to replace)
     * @param secrets the secrets known now (asked on every use, so credentials fetched later are covered)
     */
    public Redactor(String serial, Supplier<Collection<String>> secrets) {
        String trimmed = serial.trim();
        this.fakeSerial = fakeSerial(trimmed);
        this.serial = trimmed.isEmpty() ? Pattern.compile("(?!)")
                : Pattern.compile(Pattern.quote(trimmed), Pattern.CASE_INSENSITIVE);
        String hex = idHex(trimmed);
        this.serialInIds = hex.length() < 2 * SERIAL_CHARS_IN_IDS ? Pattern.compile("(?!)")
                : Pattern.compile(String.join("-?", hex.split("")), Pattern.CASE_INSENSITIVE);
        this.fakeSerialInIds = idHex(fakeSerial);
        this.secrets = secrets;
    }

    /** The hex of a serial's first {@link #SERIAL_CHARS_IN_IDS} letters and digits, as a robot's ids carry it. */
    private static String idHex(String serial) {
        String chars = serial.replaceAll("[^A-Za-z0-9]", "");
        if (chars.length() < SERIAL_CHARS_IN_IDS) {
            return "";
        }
        return HexFormat.of().withUpperCase()
                .formatHex(chars.substring(0, SERIAL_CHARS_IN_IDS).getBytes(StandardCharsets.US_ASCII));
    }

    /** A robot id's serial part replaced by the fake serial's, its dashes where they were. */
    private String replaceSerialInIds(String text) {
        Matcher matcher = serialInIds.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder replaced = new StringBuilder();
        do {
            StringBuilder fake = new StringBuilder();
            int next = 0;
            for (char c : matcher.group().toCharArray()) {
                fake.append(c == '-' ? c : fakeSerialInIds.charAt(next++));
            }
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(fake.toString()));
        } while (matcher.find());
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    /** A redactor that knows no serial and no secret: it still redacts secret keys and control characters. */
    public static Redactor none() {
        return new Redactor("", List::of);
    }

    /**
     * A fake serial of the same shape, as the recorded captures have them: letters become {@code A}, digits
     * {@code 0}, a two-letter country part {@code EU}; e.g. {@code NK6-EU-MHA1234A} becomes {@code AA0-EU-AAA0000A}.
     */
    public static String fakeSerial(String serial) {
        String[] parts = serial.split("-", -1);
        StringBuilder fake = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                fake.append('-');
            }
            if (i == 1 && parts.length >= 3 && parts[i].matches("[A-Za-z]{2}")) {
                fake.append("EU");
                continue;
            }
            for (char c : parts[i].toCharArray()) {
                fake.append(Character.isLetter(c) ? 'A' : Character.isDigit(c) ? '0' : c);
            }
        }
        return fake.toString();
    }

    /** The fake serial that replaces the device's one. */
    public String fakeSerial() {
        return fakeSerial;
    }

    /** Any text: secrets and serial replaced, control characters made visible. */
    public String text(String text) {
        String safe = text;
        List<String> known = new ArrayList<>();
        for (String secret : secrets.get()) {
            if (secret.length() >= MIN_SECRET_LENGTH) {
                known.add(secret);
                known.add(URLEncoder.encode(secret, StandardCharsets.UTF_8)); // as it would travel in a URL
            }
        }
        known.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : known) {
            safe = safe.replace(secret, REDACTED);
        }
        safe = serial.matcher(safe).replaceAll(Matcher.quoteReplacement(fakeSerial));
        safe = replaceSerialInIds(safe);
        return CONTROL.matcher(safe).replaceAll("?");
    }

    /** A payload as JSON with secrets, private values and the serial replaced; a non-JSON payload as a string. */
    public JsonElement payload(String payload) {
        JsonElement json;
        try {
            json = JsonParser.parseString(payload);
        } catch (JsonParseException e) {
            return new JsonPrimitive(text(payload));
        }
        return clean(json);
    }

    /** {@link #payload(String)} written compactly, in the order it came. */
    public String payloadText(String payload) {
        return GSON.toJson(payload(payload));
    }

    private JsonElement clean(JsonElement element) {
        if (element instanceof JsonObject object) {
            JsonObject cleaned = new JsonObject();
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                String key = text(member.getKey());
                cleaned.add(key, isPrivate(member.getKey()) ? new JsonPrimitive(REDACTED) : clean(member.getValue()));
            }
            return cleaned;
        } else if (element instanceof JsonArray array) {
            JsonArray cleaned = new JsonArray();
            array.forEach(item -> cleaned.add(clean(item)));
            return cleaned;
        } else if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            String text = primitive.getAsString();
            String safe = text(text);
            return safe.equals(text) ? primitive : new JsonPrimitive(safe);
        }
        return element;
    }

    /** Whether a JSON key names a secret or a private identifier. */
    static boolean isPrivate(String key) {
        String plain = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return PRIVATE_KEYS.contains(plain) || SECRET_KEY_PARTS.stream().anyMatch(plain::contains);
    }
}
