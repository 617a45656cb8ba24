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
package org.openhab.binding.dyson.internal.testworld;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;

/**
 * The test world's broker on 127.0.0.1: an embedded Moquette 0.17 broker (with two classes patched in the test
 * sources, {@code io.moquette.broker.MQTTConnection} and {@code io.moquette.broker.subscriptions.
 * CTrieSubscriptionDirectory}, so that it drops, loses and wedges nothing by itself) behind a
 * {@link DeviceBrokerGate}. It plays a
 * device's own broker (user name = serial, password = the local password) with the rules of the real ones that the
 * gate applies (MQTT 3.1 client ids of at most 23 characters, the client-id churn reset, optionally MQTT 3.1 only),
 * and, for the AWS IoT stand-in's relay and the simulated devices, a plain broker (anonymous connections allowed).
 * Persistence and telemetry are off. The port is picked by the system on the first start and kept on restart.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class EmbeddedBroker implements AutoCloseable {

    /** The largest MQTT message the broker relays (2 MiB; Moquette's own default is 8092 bytes). */
    public static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private static final String HOST = "127.0.0.1";

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final AtomicInteger connectAttempts = new AtomicInteger();
    private final List<Long> connectNanos = new CopyOnWriteArrayList<>();
    private final boolean allowAnonymous;
    private boolean onlyMqtt31;
    private @Nullable Server server;
    private @Nullable DeviceBrokerGate gate;
    private int port;

    /** A broker that admits anonymous clients (the relay) and checks the password of named ones. */
    public EmbeddedBroker() {
        this(true);
    }

    public EmbeddedBroker(boolean allowAnonymous) {
        this.allowAnonymous = allowAnonymous;
    }

    /** Admits {@code user} with {@code password} (a device's serial and local password). */
    public EmbeddedBroker addAccount(String user, String password) {
        passwords.put(user, password);
        return this;
    }

    /**
     * Refuses MQTT 3.1.1 device-broker connections (CONNACK 1) from the next start on, as a robot's broker that
     * requires MQTT 3.1 (protocol notes §4.2).
     */
    public synchronized EmbeddedBroker onlyMqtt31() {
        onlyMqtt31 = true;
        return this;
    }

    /** Listens on {@code fixedPort} from the next start on (0: a free port picked by the system). */
    public synchronized EmbeddedBroker onPort(int fixedPort) {
        port = fixedPort;
        return this;
    }

    /** Starts on a free port (or the one set by {@link #onPort}) the first time, on the same port afterwards. */
    public synchronized EmbeddedBroker start() throws IOException {
        if (server != null) {
            return this;
        }
        Properties properties = new Properties();
        properties.setProperty("host", HOST);
        properties.setProperty("port", "0"); // behind the gate
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("allow_anonymous", Boolean.toString(allowAnonymous));
        properties.setProperty("session_queue_size", "4096");
        // Moquette's default (8092 bytes) drops the publisher of anything bigger; fault tests send 1 MiB
        properties.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        Server newServer = new Server();
        IAuthenticator authenticator = this::check;
        newServer.startServer(new MemoryConfig(properties), List.of(), null, authenticator,
                new PermitAllAuthorizatorPolicy());
        // Moquette learns the bound port asynchronously on its event loop
        await().atMost(Duration.ofSeconds(5)).until(() -> newServer.getPort() > 0);
        try {
            DeviceBrokerGate newGate = new DeviceBrokerGate(HOST, port, newServer.getPort(), onlyMqtt31,
                    connect -> {
                        connectAttempts.incrementAndGet();
                        connectNanos.add(System.nanoTime());
                    });
            port = newGate.port();
            gate = newGate;
        } catch (IOException e) {
            newServer.stopServer();
            throw e;
        }
        server = newServer;
        return this;
    }

    /** Stops the broker; every client loses its connection. */
    public synchronized void stop() {
        DeviceBrokerGate currentGate = gate;
        gate = null;
        if (currentGate != null) {
            currentGate.close();
        }
        Server current = server;
        server = null;
        if (current != null) {
            current.stopServer();
        }
    }

    /** Stops and starts again on the same port. */
    public void restart() throws IOException {
        stop();
        start();
    }

    public int port() {
        return port;
    }

    /** CONNECTs with a user name seen so far, refused ones included (anonymous ones are not counted). */
    public int connectAttempts() {
        return connectAttempts.get();
    }

    /** When each counted CONNECT arrived ({@link System#nanoTime()}), in order. */
    public List<Long> connectNanos() {
        return List.copyOf(connectNanos);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean check(@Nullable String clientId, @Nullable String user, byte @Nullable [] password) {
        if (user == null) {
            return allowAnonymous;
        }
        String expected = passwords.get(user);
        return expected != null && password != null
                && expected.equals(new String(password, StandardCharsets.UTF_8));
    }
}
