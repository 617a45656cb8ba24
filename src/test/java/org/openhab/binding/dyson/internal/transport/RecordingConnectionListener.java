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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Records what a {@link DeviceConnection} reports.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RecordingConnectionListener implements DeviceConnectionListener {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> losses = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String topic, String payload) {
        messages.add(topic + " " + payload);
    }

    @Override
    public void onConnectionLost(String reason) {
        losses.add(reason);
    }

    boolean received(String topicSuffix, String msg) {
        return messages.stream().anyMatch(m -> m.contains(topicSuffix + " ") && m.contains("\"msg\":\"" + msg + "\""));
    }
}
