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
package org.openhab.binding.dyson.internal.device;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The line a device thing logs once per start when its device is a model the binding does not fully know: a product
 * type (MQTT topic root) missing from {@link ProductType}, or state and sensor keys the parser does not know. It names
 * them and the console command that captures the device's traffic for a report.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class NewModelNotice {

    /** Long enough to go through the device's functions in the MyDyson app meanwhile. */
    static final int CAPTURE_SECONDS = 300;

    private NewModelNotice() {
    }

    /**
     * @param thing the thing UID, as the console commands take it
     * @param productType the device's MQTT topic root (product type), null when not known
     * @param unknownKeys the product-state and sensor keys the binding does not know
     * @return the notice, or null when there is nothing unknown
     */
    public static @Nullable String text(String thing, @Nullable String productType, Set<String> unknownKeys) {
        boolean unknownType = productType != null && ProductType.fromRootTopic(productType) == null;
        if (!unknownType && unknownKeys.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Dyson device ").append(thing)
                .append(" is a model this binding does not fully know:");
        if (unknownType) {
            text.append(" product type '").append(printable(productType)).append("' is unknown");
            text.append(unknownKeys.isEmpty() ? "." : ";");
        }
        if (!unknownKeys.isEmpty()) {
            text.append(" it sends state keys the binding does not know: ");
            text.append(printable(String.join(", ", unknownKeys))).append('.');
        }
        text.append(" To help support it, capture its traffic while you use it in the MyDyson app, with 'openhab:dyson"
                + " capture ").append(thing).append(' ').append(CAPTURE_SECONDS)
                .append(" <file>', and attach the file to an issue.");
        return text.toString();
    }

    /** Device texts without control characters, at most 200 characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
