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
package org.openhab.binding.dyson.internal.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A TCP relay on 127.0.0.1 in front of one device thing's path (the local broker or the AWS IoT endpoint stand-in),
 * so that one thing's connection can be cut without touching the others: {@link #cut()} resets every connection
 * through it, as a Wi-Fi drop or a NAT timeout would. It relays bytes only (TLS passes through untouched), and closes
 * the client side when the far side goes away (broker restart, endpoint restart). While the far side is down on
 * purpose, {@link #refuse()} stops listening, so connection attempts are refused as by a host whose broker is down
 * (instead of being accepted and then reset), until {@link #admit()}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class LinkCutter implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private volatile @Nullable ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cuts = new AtomicInteger();
    private final ExecutorService threads;

    LinkCutter(String name, int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "soak-relay-" + name);
            thread.setDaemon(true);
            return thread;
        });
        ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listening.getLocalPort();
        server = listening;
        threads.execute(() -> acceptLoop(listening));
    }

    int port() {
        return port;
    }

    /** Stops listening and resets every open connection: new attempts are refused. */
    synchronized void refuse() {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        cut();
    }

    /** Listens again on the same port after {@link #refuse()}. */
    synchronized void admit() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = listening;
        threads.execute(() -> acceptLoop(listening));
    }

    /** Resets every open connection through this relay; new ones are accepted at once. */
    void cut() {
        cuts.incrementAndGet();
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    int cuts() {
        return cuts.get();
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                client.setTcpNoDelay(true);
                sockets.add(client);
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                // closed, or one failed accept: the loop condition decides
            }
        }
    }

    private void relay(Socket client) {
        Socket target;
        try {
            target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            target.setTcpNoDelay(true);
        } catch (IOException e) {
            reset(client); // the far side is down: refuse as a dead host would
            return;
        }
        sockets.add(target);
        threads.execute(() -> pump(target, client));
        pump(client, target);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was reset
        } finally {
            close(from);
            close(to);
        }
    }

    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        close(socket);
    }

    private void close(@Nullable Socket socket) {
        if (socket == null) {
            return;
        }
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        refuse();
        threads.shutdownNow();
    }
}
