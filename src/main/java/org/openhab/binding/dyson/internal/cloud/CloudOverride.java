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
package org.openhab.binding.dyson.internal.cloud;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.util.ExtraCaTrust;

/**
 * Another Dyson cloud than Dyson's own, for trying the binding without a Dyson (the simulator's stand-ins, README
 * section "Trying It Without a Dyson"): another API host for every account, an extra CA trusted for the API and for
 * AWS IoT, and another AWS IoT port. Each part is off unless given; {@link #NONE} changes nothing.
 *
 * @param apiBaseUrl the API base URL used instead of {@link DysonCloudClient#baseUrlFor(String)}, or null
 * @param extraCa certificates trusted in addition to the runtime's, for the API and AWS IoT, or null
 * @param iotPort the AWS IoT endpoint's port instead of 443, or 0
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record CloudOverride(@Nullable String apiBaseUrl, @Nullable ExtraCaTrust extraCa, int iotPort) {

    public static final CloudOverride NONE = new CloudOverride(null, null, 0);

    /**
     * Reads the three settings as a user writes them; a blank or missing one stays off.
     *
     * @param apiHost an https URL, e.g. {@code https://appapi.cp.dyson.test:11443}
     * @param extraCa the path of a PEM file with one or more certificates
     * @param iotPort a TCP port number
     * @throws IllegalArgumentException naming the setting and what is wrong with it
     */
    public static CloudOverride parse(@Nullable String apiHost, @Nullable String extraCa, @Nullable String iotPort) {
        String host = trimmed(apiHost);
        String caFile = trimmed(extraCa);
        String portText = trimmed(iotPort);
        String baseUrl = host.isEmpty() ? null : baseUrl(host);
        ExtraCaTrust trust = null;
        if (!caFile.isEmpty()) {
            try {
                trust = ExtraCaTrust.load(Path.of(caFile));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("extra CA: not a file path: " + caFile, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("extra CA: " + e.getMessage(), e);
            }
        }
        int port = 0;
        if (!portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("IoT port: not a port number: " + portText);
            }
        }
        return new CloudOverride(baseUrl, trust, port);
    }

    private static String baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri != null && uri.getRawUserInfo() != null) {
            // never repeat it: it may hold a password
            throw new IllegalArgumentException("API host: a user name or password in the URL is not supported");
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "API host: expected an https URL such as https://appapi.cp.dyson.test:11443, got: " + value);
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String trimmed(@Nullable String value) {
        return value == null ? "" : value.trim();
    }

    /** Whether any part is set. */
    public boolean isActive() {
        return apiBaseUrl != null || extraCa != null || iotPort != 0;
    }

    /** The API base URL for an account of this country. */
    public String baseUrlFor(String country) {
        String override = apiBaseUrl;
        return override != null ? override : DysonCloudClient.baseUrlFor(country);
    }

    /** The TLS context with the extra CA; null: the runtime's (or openHAB's) defaults. */
    public @Nullable SSLContext sslContext() {
        ExtraCaTrust trust = extraCa;
        return trust == null ? null : trust.sslContext();
    }

    /** The AWS IoT port to connect to. */
    public int iotPortOr(int standard) {
        return iotPort == 0 ? standard : iotPort;
    }

    /** One line per part that is set, for the log: URLs, file paths and certificate names only, never a secret. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (apiBaseUrl != null) {
            lines.add("Dyson API at " + apiBaseUrl + " instead of Dyson's servers, for every account");
        }
        ExtraCaTrust trust = extraCa;
        if (trust != null) {
            lines.add("trusting, besides the usual CAs, for the Dyson API and AWS IoT: " + trust.describe());
        }
        if (iotPort != 0) {
            lines.add("AWS IoT endpoints on port " + iotPort + " instead of 443");
        }
        return lines;
    }
}
