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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Plays a Dyson device's broker that still remembers an old session: it answers the first {@code resets} MQTT
 * CONNECTs with a TCP reset, then relays connections to the real broker. Records the client id of every CONNECT.
 * The test world's broker resets a CONNECT with a client id it still holds by itself ({@link DeviceBrokerGate}), but
 * the binding never reuses a client id, so tests of its retry after a reset need this proxy.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ResettingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final AtomicInteger resetsLeft;
    private final List<String> clientIds = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "resetting-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public ResettingProxy(int brokerPort, int resets) throws IOException {
        this.brokerPort = brokerPort;
        this.resetsLeft = new AtomicInteger(resets);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> SocketRelay.acceptEach(server, sockets, threads, this::handle));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Client ids of the CONNECTs seen, in order. */
    public List<String> clientIds() {
        return List.copyOf(clientIds);
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream connect = new ByteArrayOutputStream();
            String clientId = null;
            byte[] buffer = new byte[1024];
            while (clientId == null) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                connect.write(buffer, 0, n);
                clientId = MqttConnectPacket.clientId(connect.toByteArray());
            }
            clientIds.add(clientId);
            if (resetsLeft.getAndDecrement() > 0) {
                client.setSoLinger(true, 0);
                client.close();
                return;
            }
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            sockets.add(broker);
            broker.getOutputStream().write(connect.toByteArray());
            threads.execute(() -> SocketRelay.pump(broker, client));
            SocketRelay.pump(client, broker);
        } catch (IOException e) {
            // connection ended
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(SocketRelay::closeQuietly);
        threads.shutdownNow();
    }
}
