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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The device's local MQTT port as the binding sees it: a TCP relay on 127.0.0.1 to the broker the simulated device is
 * connected to. {@link #down()} makes the local path fail the way a device that is not reachable on the LAN does
 * (open connections cut, new ones refused) while the device itself stays connected to its broker, and so reachable
 * through the AWS IoT stand-in; {@link #up()} opens the same port again. While down the port stays bound (not
 * listening), so no other server takes it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LocalPathRelay implements AutoCloseable {

    private final int brokerPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-path-relay");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable ServerSocket server; // guarded by this
    private @Nullable Future<?> accepting; // guarded by this
    private @Nullable Socket held; // guarded by this

    /** Starts relaying to the broker on {@code brokerPort} at once, on a free port. */
    public LocalPathRelay(int brokerPort) throws IOException {
        this.brokerPort = brokerPort;
        ServerSocket first = listen(0);
        this.port = first.getLocalPort();
        start(first);
    }

    public int port() {
        return port;
    }

    /** Cuts every relayed connection and refuses new ones, keeping the port bound. */
    public synchronized void down() throws IOException {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            current.close();
            // the port is free only once the thread blocked in accept() has let go of the socket
            Future<?> loop = accepting;
            if (loop != null) {
                try {
                    loop.get(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("the relay's accept loop did not end", e);
                }
            }
        }
        sockets.forEach(SocketRelay::closeQuietly);
        sockets.clear();
        if (held == null) {
            Socket hold = new Socket();
            hold.setReuseAddress(true);
            hold.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            held = hold;
        }
    }

    /** Listens on the same port again. */
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        SocketRelay.closeQuietly(held);
        held = null;
        start(listen(port));
    }

    private static ServerSocket listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        return socket;
    }

    private synchronized void start(ServerSocket listening) {
        server = listening;
        accepting = threads.submit(() -> acceptLoop(listening));
    }

    private void acceptLoop(ServerSocket listening) {
        try {
            while (!listening.isClosed()) {
                Socket client = listening.accept();
                sockets.add(client);
                threads.execute(() -> relay(client));
            }
        } catch (IOException e) {
            // closed by down() or close()
        }
    }

    private void relay(Socket client) {
        try {
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            sockets.add(broker);
            threads.execute(() -> SocketRelay.pump(broker, client));
            SocketRelay.pump(client, broker);
        } catch (IOException e) {
            SocketRelay.closeQuietly(client);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        down();
        SocketRelay.closeQuietly(held);
        held = null;
        threads.shutdownNow();
    }
}
