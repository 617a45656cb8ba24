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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.protocol.MessageFactory;
import org.openhab.binding.dyson.internal.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Keeps one device reachable: picks the transport (local MQTT or AWS IoT), falls back to the other one, returns to
 * the preferred one when it has been up for a while, reconnects with exponential back-off and tells its listener
 * what happened. After every (re)connect and switch it sends REQUEST-CURRENT-STATE,
 * REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA and REQUEST-CURRENT-FAULTS itself; periodic polling is the
 * caller's business ({@link #requestCurrentData()}).
 * <p>
 * Order in {@link TransportMode#AUTO}: cloud first when the account marks the device as cloud ({@code wss}), else
 * local first; cloud only when there are no local credentials or no host. {@link TransportMode#LOCAL} and
 * {@link TransportMode#CLOUD} use one transport only.
 * <p>
 * Threads: all decisions run on the given scheduler (connect attempts block a scheduler thread for a bounded
 * time, typically well under a second; never sleeps). Paho owns three threads per connection (four over WSS);
 * keep-alive pings run on the scheduler. While the preferred transport is being probed there are briefly two
 * connections.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceLink implements AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(DeviceLink.class);
    private final DeviceEndpoint endpoint;
    private final DeviceTopics topics;
    private final CredentialsSource credentials;
    private final DeviceLinkListener listener;
    private final ScheduledExecutorService scheduler;
    private final LinkSettings settings;
    private final Backoff backoff;
    private final MessageFactory messages = new MessageFactory();

    private final Set<DeviceConnection> connecting = new HashSet<>();
    private @Nullable DeviceConnection active;
    private TransportKind activeKind = TransportKind.NONE;
    private @Nullable DeviceConnection probe;
    private @Nullable ScheduledFuture<?> connectJob;
    private @Nullable ScheduledFuture<?> probeJob;
    private @Nullable Boolean deviceOnline;
    private String lastReport = "";
    private boolean closed;

    public DeviceLink(DeviceEndpoint endpoint, CredentialsSource credentials, DeviceLinkListener listener,
            ScheduledExecutorService scheduler, LinkSettings settings) {
        this.endpoint = endpoint;
        this.topics = endpoint.topics();
        this.credentials = credentials;
        this.listener = listener;
        this.scheduler = scheduler;
        this.settings = settings;
        this.backoff = settings.newBackoff();
    }

    /** Starts connecting (on the scheduler, at once). */
    public synchronized void start() {
        scheduleConnect(Duration.ZERO);
    }

    /** The transport in use, {@link TransportKind#NONE} while not connected. */
    public synchronized TransportKind transport() {
        return activeKind;
    }

    /**
     * Publishes a command (JSON) to the device over the active transport.
     *
     * @return false when no transport is up or the message could not be queued
     */
    public boolean publish(String json) {
        DeviceConnection connection;
        synchronized (this) {
            connection = active;
        }
        return connection != null && connection.publish(json);
    }

    /** Sends the state, environment and faults requests; false when no transport is up. */
    public boolean requestCurrentData() {
        boolean sent = publish(messages.requestCurrentState());
        sent &= publish(messages.requestEnvironment());
        return publish(messages.requestCurrentFaults()) && sent;
    }

    /** Stops everything: cancels pending work and closes every connection (bounded wait). Idempotent. */
    @Override
    public void close() {
        List<DeviceConnection> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            cancel(connectJob);
            cancel(probeJob);
            connectJob = null;
            probeJob = null;
            addIfPresent(toClose, active);
            addIfPresent(toClose, probe);
            toClose.addAll(connecting);
            active = null;
            probe = null;
            activeKind = TransportKind.NONE;
        }
        toClose.forEach(DeviceConnection::close);
    }

    // ---- connecting

    private synchronized void scheduleConnect(Duration delay) {
        if (closed || connectJob != null) {
            return;
        }
        connectJob = scheduler.schedule(this::connectCycle, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tries the transports in order of preference; on total failure waits and tries again. */
    private void connectCycle() {
        synchronized (this) {
            connectJob = null;
            if (closed || active != null) {
                return;
            }
        }
        List<TransportKind> plan = plan();
        List<String> failures = new ArrayList<>();
        for (TransportKind kind : plan) {
            try {
                DeviceConnection connection = open(kind);
                String reason = failures.isEmpty() ? primaryReason(kind) : "fallback: " + String.join("; ", failures);
                if (install(connection, kind, reason) && kind != plan.get(0)) {
                    scheduleProbe();
                }
                return;
            } catch (TransportException e) {
                logger.debug("{}: {} transport failed: {}", topics.serial(), kind, e.reason());
                failures.add(e.reason());
            }
        }
        String reason = plan.isEmpty() ? noPathReason() : String.join("; ", failures);
        Duration delay;
        synchronized (this) {
            if (closed) {
                return;
            }
            delay = backoff.nextDelay();
        }
        report(TransportKind.NONE, reason);
        scheduleConnect(delay);
    }

    /** Tells the listener about a transport change, but not the same news twice in a row. */
    private void report(TransportKind kind, String reason) {
        synchronized (this) {
            String news = kind + ": " + reason;
            if (closed || news.equals(lastReport)) {
                return;
            }
            lastReport = news;
        }
        listener.onTransportChanged(kind, reason);
    }

    /** The transports to try, best first. */
    private List<TransportKind> plan() {
        boolean localPossible = endpoint.host() != null && credentials.localCredentials() != null;
        boolean cloudPossible = credentials.hasCloudAccount();
        List<TransportKind> plan = new ArrayList<>();
        switch (endpoint.mode()) {
            case LOCAL -> {
                if (localPossible) {
                    plan.add(TransportKind.LOCAL);
                }
            }
            case CLOUD -> {
                if (cloudPossible) {
                    plan.add(TransportKind.CLOUD);
                }
            }
            case AUTO -> {
                if (localPossible && !(endpoint.cloudPreferred() && cloudPossible)) {
                    plan.add(TransportKind.LOCAL);
                }
                if (cloudPossible) {
                    plan.add(TransportKind.CLOUD);
                }
                if (localPossible && !plan.contains(TransportKind.LOCAL)) {
                    plan.add(TransportKind.LOCAL);
                }
            }
        }
        return plan;
    }

    private String noPathReason() {
        if (endpoint.mode() == TransportMode.CLOUD || endpoint.host() != null
                && credentials.localCredentials() != null) {
            return "no cloud account available";
        }
        String missing = endpoint.host() == null ? "no local host" : "no local credentials";
        return endpoint.mode() == TransportMode.LOCAL ? missing : missing + " and no cloud account";
    }

    private String primaryReason(TransportKind kind) {
        if (endpoint.mode() != TransportMode.AUTO) {
            return kind == TransportKind.LOCAL ? "configured: local" : "configured: cloud";
        }
        if (kind == TransportKind.LOCAL) {
            return "local network";
        }
        if (endpoint.cloudPreferred()) {
            return "account marks device as cloud (wss)";
        }
        return endpoint.host() == null ? "no local host known: cloud" : "no local credentials: cloud";
    }

    /** Creates and connects one transport (blocking, bounded). */
    private DeviceConnection open(TransportKind kind) throws TransportException {
        ConnectionEvents events = new ConnectionEvents();
        DeviceConnection connection;
        if (kind == TransportKind.LOCAL) {
            LocalCredentials local = credentials.localCredentials();
            String host = endpoint.host();
            if (local == null || host == null) {
                throw new TransportException("no local credentials", false);
            }
            connection = new LocalMqttConnection(topics, host, endpoint.port(), local, events, scheduler,
                    settings.transport());
        } else {
            IotCredentials iot;
            try {
                iot = credentials.freshIotCredentials();
            } catch (CredentialsUnavailableException e) {
                throw new TransportException("cloud credentials unavailable: " + e.getMessage(), false);
            }
            connection = new CloudMqttConnection(topics, iot, events, scheduler, settings.transport());
        }
        events.connection = connection;
        synchronized (this) {
            if (closed) {
                throw new TransportException("link closed", false);
            }
            connecting.add(connection);
        }
        try {
            connection.connect();
        } finally {
            synchronized (this) {
                connecting.remove(connection);
            }
        }
        boolean stale;
        synchronized (this) {
            stale = closed;
        }
        if (stale) {
            connection.close();
            throw new TransportException("link closed", false);
        }
        return connection;
    }

    /** Makes a connected transport the active one. */
    private boolean install(DeviceConnection connection, TransportKind kind, String reason) {
        @Nullable
        DeviceConnection previous;
        synchronized (this) {
            if (closed) {
                previous = connection;
            } else {
                previous = active;
                active = connection;
                activeKind = kind;
                deviceOnline = null;
                backoff.reset();
            }
        }
        if (previous == connection) {
            connection.close();
            return false;
        }
        if (previous != null) {
            previous.close();
        }
        logger.debug("{}: connected over {} ({})", topics.serial(), kind, reason);
        report(kind, reason);
        requestCurrentData();
        return true;
    }

    // ---- returning to the preferred transport

    private synchronized void scheduleProbe() {
        if (closed || probeJob != null) {
            return;
        }
        probeJob = scheduler.schedule(this::probePreferred, settings.preferredRetryInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** While on the fallback: connects the preferred transport aside and switches once it stayed up. */
    private void probePreferred() {
        TransportKind preferred;
        synchronized (this) {
            probeJob = null;
            List<TransportKind> plan = plan();
            if (closed || active == null || plan.isEmpty() || plan.get(0) == activeKind) {
                return;
            }
            preferred = plan.get(0);
        }
        DeviceConnection candidate;
        try {
            candidate = open(preferred);
        } catch (TransportException e) {
            logger.debug("{}: preferred transport {} still unavailable: {}", topics.serial(), preferred,
                    e.reason());
            scheduleProbe();
            return;
        }
        synchronized (this) {
            if (closed) {
                candidate.close();
                return;
            }
            probe = candidate;
            probeJob = scheduler.schedule(() -> switchTo(candidate, preferred),
                    settings.switchBackAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void switchTo(DeviceConnection candidate, TransportKind kind) {
        synchronized (this) {
            probeJob = null;
            if (closed || probe != candidate) {
                return;
            }
            probe = null;
        }
        if (!candidate.isConnected()) {
            candidate.close();
            scheduleProbe();
            return;
        }
        install(candidate, kind, "back to the preferred transport: " + primaryReason(kind));
    }

    // ---- events of the connections

    private void onConnectionLost(DeviceConnection connection, String reason) {
        boolean wasActive;
        synchronized (this) {
            wasActive = connection == active;
            if (wasActive) {
                active = null;
                activeKind = TransportKind.NONE;
            } else if (connection == probe) {
                probe = null;
                cancel(probeJob);
                probeJob = null;
            }
        }
        connection.close();
        if (wasActive) {
            report(TransportKind.NONE, reason);
            Duration delay;
            synchronized (this) {
                delay = backoff.nextDelay();
            }
            scheduleConnect(delay);
        } else {
            scheduleProbe();
        }
    }

    private void onMessage(DeviceConnection connection, String topic, String payload) {
        synchronized (this) {
            if (connection != active) {
                return;
            }
        }
        Boolean reachable = null;
        String msg = "";
        if (topic.equals(topics.connection())) {
            msg = messageType(payload);
            if ("GONE-AWAY".equals(msg) || "GOODBYE".equals(msg)) {
                reachable = Boolean.FALSE;
            } else if ("HELLO".equals(msg) || "IM-BACK".equals(msg)) {
                reachable = Boolean.TRUE;
            }
        } else if (topic.equals(topics.current())) {
            reachable = Boolean.TRUE;
        }
        boolean changed = false;
        if (reachable != null) {
            synchronized (this) {
                changed = !reachable.equals(deviceOnline);
                deviceOnline = reachable;
            }
        }
        if (changed && reachable) {
            listener.onDeviceOnline();
        }
        listener.onMessage(topic, payload);
        if (changed && !reachable) {
            listener.onDeviceOffline("device reports " + msg);
        }
    }

    private static String messageType(String payload) {
        try {
            JsonElement json = JsonParser.parseString(payload);
            if (json instanceof JsonObject object && object.get("msg") instanceof JsonPrimitive msg) {
                return msg.getAsString();
            }
        } catch (JsonParseException e) {
            // not JSON: no message type
        }
        return "";
    }

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    private static void addIfPresent(List<DeviceConnection> list, @Nullable DeviceConnection connection) {
        if (connection != null) {
            list.add(connection);
        }
    }

    /** Routes one connection's events back to the link; its connection is set right after construction. */
    private final class ConnectionEvents implements DeviceConnectionListener {

        volatile @Nullable DeviceConnection connection;

        @Override
        public void onMessage(String topic, String payload) {
            DeviceConnection source = connection;
            if (source != null) {
                DeviceLink.this.onMessage(source, topic, payload);
            }
        }

        @Override
        public void onConnectionLost(String reason) {
            DeviceConnection source = connection;
            if (source != null) {
                // leave Paho's thread at once; the reconnect decisions run on the scheduler
                try {
                    scheduler.execute(() -> DeviceLink.this.onConnectionLost(source, reason));
                } catch (RejectedExecutionException e) {
                    logger.debug("{}: scheduler gone, connection loss not handled", topics.serial());
                }
            }
        }
    }
}
