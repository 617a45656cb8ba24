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
 * Receives what one {@link DeviceConnection} sees. Its methods run on Paho's threads: keep them short.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface DeviceConnectionListener {

    /** A message arrived on one of the subscribed topics (payload decoded as UTF-8). */
    void onMessage(String topic, String payload);

    /** The established connection was lost (not called after {@link DeviceConnection#close()}). */
    void onConnectionLost(String reason);

    /**
     * A command that {@link DeviceConnection#publish(String)} accepted never reached the broker (the connection
     * went down first). Runs on one of Paho's threads.
     */
    default void onUndelivered(String json) {
    }
}
