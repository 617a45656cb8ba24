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
 * One MQTT connection to one device, over the device's own broker or over AWS IoT. Single use: connect once,
 * close once; create a new one to reconnect.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface DeviceConnection extends AutoCloseable {

    /** Which transport this is. */
    TransportKind kind();

    /**
     * Connects and subscribes to the device's status topics. Blocks for a bounded time (the connect timeout of
     * {@link TransportSettings}, a few seconds at most).
     *
     * @throws TransportException with a reason text when the connection could not be made
     */
    void connect() throws TransportException;

    /** Whether the connection is up. */
    boolean isConnected();

    /**
     * Publishes a command to the device's {@code command} topic with QoS 1, without waiting for the broker.
     *
     * @return false if the connection is not up or the message could not be queued
     */
    boolean publish(String json);

    /** Disconnects with a bounded wait and releases every thread; idempotent; aborts a connect in progress. */
    @Override
    void close();
}
