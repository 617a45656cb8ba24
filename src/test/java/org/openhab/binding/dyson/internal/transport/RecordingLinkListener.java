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
 * Records what a {@link DeviceLink} reports, in order.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RecordingLinkListener implements DeviceLinkListener {

    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> transports = new CopyOnWriteArrayList<>();
    final List<String> reachability = new CopyOnWriteArrayList<>();
    final List<String> undelivered = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String topic, String payload) {
        messages.add(topic + " " + payload);
    }

    @Override
    public void onTransportChanged(TransportKind kind, String reason) {
        transports.add(kind + ": " + reason);
    }

    @Override
    public void onDeviceOffline(String reason) {
        reachability.add("offline: " + reason);
    }

    @Override
    public void onDeviceOnline() {
        reachability.add("online");
    }

    @Override
    public void onCommandUndelivered(String json, String reason) {
        undelivered.add(reason + ": " + json);
    }

    boolean received(String msg) {
        return messages.stream().anyMatch(m -> m.contains("\"msg\":\"" + msg + "\""));
    }

    String lastTransport() {
        return transports.isEmpty() ? "" : transports.get(transports.size() - 1);
    }
}
