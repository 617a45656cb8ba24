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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A robot's own MQTT port: a TCP front on 127.0.0.1 for the shared test broker that admits MQTT 3.1 only, as the
 * robot vacuums do (protocol notes §4.2: "Robots require 3.1"; every robot client, libdyson, matterbridge,
 * hass-dyson, connects with 3.1). It reads the client's CONNECT: protocol name {@code MQIsdp} with level 3 is passed
 * on to the broker, which then checks user name and password as the robot would; anything else (MQTT 3.1.1, level 4)
 * is answered with CONNACK return code 1, "unacceptable protocol version", and the connection is closed. What a real
 * robot answers to 3.1.1 is not recorded anywhere; return code 1 is what MQTT 3.1 itself prescribes for it, and Paho
 * clients left at their default version fall back to 3.1 on any refusal.
 * <p>
 * The embedded broker (Moquette) takes 3.1 and 3.1.1 alike and cannot be told per device to refuse one, hence this
 * front instead of a broker setting.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class Mqtt31OnlyPort implements AutoCloseable {

    /** CONNACK, remaining length 2, no session present, return code 1: unacceptable protocol version. */
    static final byte[] CONNACK_UNACCEPTABLE_VERSION = { 0x20, 0x02, 0x00, 0x01 };
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final int brokerPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "robot-mqtt31-port");
        thread.setDaemon(true);
        return thread;
    });

    /** Listens on a free port (0) or {@code port} and passes MQTT 3.1 clients on to the broker on {@code brokerPort}. */
    public Mqtt31OnlyPort(int brokerPort, int port) throws IOException {
        this.brokerPort = brokerPort;
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.server = socket;
        threads.execute(() -> SocketRelay.acceptEach(server, sockets, threads, this::handle));
    }

    public Mqtt31OnlyPort(int brokerPort) throws IOException {
        this(brokerPort, 0);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** CONNECTs refused for their protocol version so far. */
    public int refusedConnects() {
        return refused.get();
    }

    /** CONNECTs passed on to the broker so far. */
    public int admittedConnects() {
        return admitted.get();
    }

    private void handle(Socket client) {
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            byte[] connect = readConnect(client.getInputStream());
            MqttConnectPacket packet = MqttConnectPacket.parse(connect);
            if (packet == null || !"MQIsdp".equals(packet.protocolName()) || packet.level() != 3) {
                refused.incrementAndGet();
                OutputStream out = client.getOutputStream();
                out.write(CONNACK_UNACCEPTABLE_VERSION);
                out.flush();
                SocketRelay.closeQuietly(client);
                return;
            }
            admitted.incrementAndGet();
            client.setSoTimeout(0);
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            broker.setTcpNoDelay(true);
            sockets.add(broker);
            broker.getOutputStream().write(connect);
            broker.getOutputStream().flush();
            threads.execute(() -> SocketRelay.pump(broker, client));
            SocketRelay.pump(client, broker);
        } catch (IOException | IllegalArgumentException e) {
            // not MQTT, cut short or timed out: a broker drops such a client
            SocketRelay.closeQuietly(client);
        }
    }

    /** Reads exactly the first packet (the CONNECT), byte by byte as far as its header says. */
    private static byte[] readConnect(InputStream in) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        while (true) {
            int next;
            try {
                next = in.read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no CONNECT in time", e);
            }
            if (next < 0) {
                throw new IOException("closed before the CONNECT was complete");
            }
            packet.write(next);
            byte[] bytes = packet.toByteArray();
            if (MqttConnectPacket.parse(bytes) != null) {
                return Arrays.copyOf(bytes, bytes.length);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(SocketRelay::closeQuietly);
        threads.shutdownNow();
    }
}
