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
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A TCP relay in front of a broker on 127.0.0.1 that misbehaves on request, like a flaky Wi-Fi or a broker that
 * is half there: it can accept and never answer ({@link #silent()}), drop every connection a while after accepting it
 * ({@link #dropAfter(Duration)}), stop passing the client's bytes on ({@link #blackHole(boolean)}) or cut every
 * connection now ({@link #dropAll()}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class FaultyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Long> acceptNanos = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean silent;
    private volatile @Nullable Duration dropAfter;
    private volatile boolean blackHole;

    /** A relay to the broker on {@code brokerPort} (0: no broker, for a silent endpoint). */
    public FaultyProxy(int brokerPort) throws IOException {
        this.brokerPort = brokerPort;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** An endpoint that accepts TCP connections and never says a word. */
    public static FaultyProxy silentEndpoint() throws IOException {
        return new FaultyProxy(0).silent();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Accepts and never answers from now on. */
    public FaultyProxy silent() {
        silent = true;
        return this;
    }

    /** Closes each new connection this long after accepting it (null: never). */
    public FaultyProxy dropAfter(@Nullable Duration delay) {
        dropAfter = delay;
        return this;
    }

    /** While on, the client's bytes are swallowed (the broker hears nothing more; no acknowledgements come back). */
    public void blackHole(boolean on) {
        blackHole = on;
    }

    /** Cuts every open connection now. */
    public void dropAll() {
        sockets.forEach(SocketRelay::closeQuietly);
        sockets.clear();
    }

    /** When each connection was accepted ({@link System#nanoTime()}), in order. */
    public List<Long> acceptNanos() {
        return List.copyOf(acceptNanos);
    }

    private void acceptLoop() {
        try {
            while (!server.isClosed()) {
                Socket client = server.accept();
                acceptNanos.add(System.nanoTime());
                sockets.add(client);
                threads.execute(() -> handle(client));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void handle(Socket client) {
        if (silent) {
            return; // holds the socket open, reads nothing, answers nothing
        }
        try {
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            sockets.add(broker);
            Duration delay = dropAfter;
            if (delay != null) {
                threads.execute(() -> {
                    sleep(delay);
                    SocketRelay.closeQuietly(client);
                    SocketRelay.closeQuietly(broker);
                });
            }
            threads.execute(() -> SocketRelay.pump(broker, client));
            SocketRelay.pump(client, broker, () -> blackHole);
        } catch (IOException e) {
            SocketRelay.closeQuietly(client);
        }
    }

    private static void sleep(Duration delay) {
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
        threads.shutdownNow();
    }
}
