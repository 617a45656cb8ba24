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

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both transports share: one Paho {@link MqttAsyncClient} with in-memory persistence, keep-alive pings on the
 * given scheduler (so Paho runs only its send, receive and callback threads, plus a WebSocket reader for WSS),
 * bounded connect and subscribe, QoS 1 publishing and a bounded close.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
abstract class PahoDeviceConnection implements DeviceConnection {

    private static final int SUBSCRIPTION_FAILED = 0x80;
    private static final long CLOSE_CHECK_MILLIS = 100;

    protected final Logger logger = LoggerFactory.getLogger(getClass());
    protected final DeviceTopics topics;
    protected final TransportSettings settings;
    private final DeviceConnectionListener listener;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private @Nullable MqttAsyncClient client;
    private @Nullable TokenWaiter connecting;
    private boolean attemptRunning;
    private boolean closed;
    private volatile boolean established;

    protected PahoDeviceConnection(DeviceTopics topics, DeviceConnectionListener listener,
            ScheduledExecutorService scheduler, TransportSettings settings) {
        this.topics = topics;
        this.listener = listener;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** The Paho server URI. */
    protected abstract String serverUri();

    /** Turns a Paho failure into a reason text for the user. */
    protected abstract TransportException translate(Throwable failure);

    /** The reason text for the loss of an established connection. */
    protected abstract String lostReason(@Nullable Throwable cause);

    /** The last socket the transport opened (for tests of the socket options). */
    abstract @Nullable Socket lastSocket();

    /** Closes the transport's socket and refuses to open new ones. */
    abstract void abortSockets();

    /** The connect timeout in whole seconds, at least 1 (Paho's 0 means "forever"). */
    protected int connectTimeoutSeconds() {
        return (int) Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000);
    }

    /**
     * One connect-and-subscribe attempt with a fresh Paho client. On failure the client is released (on this
     * thread, also when {@link #close()} ended the attempt) and the translated failure thrown.
     */
    protected final void attempt(String clientId, MqttConnectOptions options) throws TransportException {
        MqttAsyncClient attemptClient;
        synchronized (lock) {
            if (closed) {
                throw new TransportException("connection closed", false);
            }
            try {
                attemptClient = new MqttAsyncClient(serverUri(), clientId, new MemoryPersistence(),
                        new ScheduledExecutorPingSender(scheduler), null);
            } catch (MqttException | IllegalArgumentException e) {
                throw new TransportException("invalid broker address", false, e);
            }
            client = attemptClient;
            connecting = null;
            attemptRunning = true;
        }
        try {
            connectAndSubscribe(attemptClient, options);
            synchronized (lock) {
                if (!closed) {
                    established = true;
                    return;
                }
            }
            throw new TransportException("connection closed", false);
        } catch (TransportException e) {
            discard(attemptClient);
            throw e;
        } catch (MqttException | RuntimeException e) {
            discard(attemptClient);
            throw translate(e);
        } finally {
            synchronized (lock) {
                attemptRunning = false;
                lock.notifyAll();
            }
        }
    }

    private void connectAndSubscribe(MqttAsyncClient attemptClient, MqttConnectOptions options)
            throws MqttException, TransportException {
        attemptClient.setCallback(new Callback());
        long timeout = settings.connectTimeout().toMillis();
        TokenWaiter connected = new TokenWaiter();
        synchronized (lock) {
            connecting = connected;
        }
        attemptClient.connect(options, null, connected);
        awaitAction(connected, timeout);
        List<String> subscriptions = topics.subscriptions();
        int[] qos = new int[subscriptions.size()];
        Arrays.fill(qos, 1);
        TokenWaiter subscription = new TokenWaiter();
        IMqttToken subscribed = attemptClient.subscribe(subscriptions.toArray(new String[0]), qos, null,
                subscription);
        awaitAction(subscription, timeout);
        for (int granted : subscribed.getGrantedQos()) {
            if (granted == SUBSCRIPTION_FAILED) {
                throw new TransportException("broker refused the subscription to the status topics", false);
            }
        }
    }

    /** Waits for a Paho action, but gives up early when the connection is closed meanwhile. */
    private void awaitAction(TokenWaiter action, long timeoutMillis) throws MqttException, TransportException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!action.await(Math.min(CLOSE_CHECK_MILLIS, (deadline - System.nanoTime()) / 1_000_000L))) {
            synchronized (lock) {
                if (closed) {
                    throw new TransportException("connection closed", false);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT);
            }
        }
        action.throwIfFailed();
    }

    @Override
    public boolean isConnected() {
        MqttAsyncClient current = client;
        return established && current != null && current.isConnected();
    }

    @Override
    public boolean publish(String json) {
        MqttAsyncClient current = client;
        if (!established || current == null || !current.isConnected()) {
            return false;
        }
        try {
            current.publish(topics.command(), json.getBytes(StandardCharsets.UTF_8), 1, false, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(@Nullable IMqttToken token) {
                        }

                        @Override
                        public void onFailure(@Nullable IMqttToken token, @Nullable Throwable failure) {
                            listener.onUndelivered(json);
                        }
                    });
            logger.trace("Published to {}: {}", topics.command(), json);
            return true;
        } catch (MqttException e) {
            logger.debug("Publish to {} failed: {}", topics.command(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        MqttAsyncClient current;
        synchronized (lock) {
            closed = true;
            established = false;
            if (attemptRunning) {
                // the attempt notices within CLOSE_CHECK_MILLIS and releases its client itself
                long deadline = System.nanoTime() + (settings.disconnectTimeout().toMillis() * 3 + 500) * 1_000_000L;
                long left;
                while (attemptRunning && (left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                return;
            }
            current = client;
            client = null;
        }
        abortSockets();
        if (current != null) {
            release(current);
        }
    }

    /**
     * Ends a connect in progress so that Paho fails it on its own thread before its client is closed. Paho 1.2.5
     * spins forever in {@code CommsSender.start} when the connection dies in the moment between its network
     * handshake and the start of its sender thread, so the socket is not cut at once: first the connect gets a
     * short grace period to finish (or to reach the CONNACK wait), then the socket is closed.
     */
    private void abortConnect(TokenWaiter connected) {
        long graceMillis = settings.disconnectTimeout().toMillis();
        if (connected.await(graceMillis)) {
            return;
        }
        abortSockets();
        connected.await(graceMillis);
    }

    /** Releases the client of a failed attempt. */
    private void discard(MqttAsyncClient attemptClient) {
        TokenWaiter connectToken;
        boolean closing;
        synchronized (lock) {
            if (client == attemptClient) {
                client = null;
            }
            connectToken = connecting;
            connecting = null;
            closing = closed;
        }
        if (closing && connectToken != null && !connectToken.isDone()) {
            abortConnect(connectToken);
        }
        release(attemptClient);
    }

    /** Disconnects politely with a bounded wait, then drops the connection and stops Paho's threads. */
    private void release(MqttAsyncClient mqtt) {
        long disconnectMillis = settings.disconnectTimeout().toMillis();
        if (mqtt.isConnected()) {
            try {
                mqtt.disconnect(0).waitForCompletion(disconnectMillis);
            } catch (MqttException e) {
                logger.trace("Disconnect: {}", e.getMessage());
            }
        }
        try {
            mqtt.disconnectForcibly(0, disconnectMillis, false);
        } catch (MqttException | RuntimeException e) {
            logger.trace("Forced disconnect: {}", e.getMessage());
        }
        try {
            mqtt.close(true);
        } catch (MqttException | RuntimeException e) {
            logger.trace("Close: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectionLost(@Nullable Throwable cause) {
            boolean report;
            synchronized (lock) {
                report = established && !closed;
                established = false;
            }
            if (report) {
                String reason = lostReason(cause);
                logger.debug("{}: {}", topics.serial(), reason);
                listener.onConnectionLost(reason);
            }
        }

        @Override
        public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
            if (topic == null || message == null) {
                return;
            }
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            logger.trace("Received on {}: {}", topic, payload);
            try {
                listener.onMessage(topic, payload);
            } catch (RuntimeException e) {
                // an exception thrown here would make Paho drop the connection
                logger.warn("Listener failed on a message from {}: {}", topic, e.getMessage(), e);
            }
        }

        @Override
        public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
        }
    }
}
