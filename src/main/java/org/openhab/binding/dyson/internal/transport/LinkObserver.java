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
package org.openhab.binding.dyson.internal.transport;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Watches a {@link DeviceLink} for diagnostics: every state transition, every transport report and every MQTT message
 * in and out. The link calls it on its own threads (Paho's callback thread for messages, sometimes while holding the
 * link's lock): every method must return at once, never block and never call back into the link.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface LinkObserver {

    /** Watches nothing. */
    LinkObserver NONE = new LinkObserver() {
    };

    /** The link moved from {@code from} to {@code to}. */
    default void transition(LinkState from, LinkState to, String reason) {
    }

    /** The link told its listener about a transport change (see {@link DeviceLinkListener#onTransportChanged}). */
    default void transportReported(TransportKind kind, String reason) {
    }

    /** A message from the device that the link passes on to its listener. */
    default void messageIn(String topic, String payload) {
    }

    /** A message the link handed to the active connection for the device's command topic. */
    default void messageOut(String topic, String payload) {
    }
}
