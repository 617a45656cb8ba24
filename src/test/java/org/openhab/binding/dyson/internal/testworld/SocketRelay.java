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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the test world's TCP relays share: copying one socket's bytes to another and closing without fuss.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SocketRelay {

    private SocketRelay() {
    }

    /**
     * Accepts connections until {@code server} is closed (or {@code threads} stops taking work): each one is added to
     * {@code sockets} and handled on {@code threads}.
     */
    static void acceptEach(ServerSocket server, Collection<Socket> sockets, Executor threads, Consumer<Socket> handle) {
        try {
            while (!server.isClosed()) {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> handle.accept(client));
            }
        } catch (IOException e) {
            // closed
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Copies {@code from} to {@code to} until either side closes, then closes {@code to}. */
    static void pump(Socket from, Socket to) {
        pump(from, to, () -> false);
    }

    /** The same, but bytes read while {@code swallow} says so are dropped instead of passed on. */
    static void pump(Socket from, Socket to, BooleanSupplier swallow) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!swallow.getAsBoolean()) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(to);
        }
    }

    static void closeQuietly(@Nullable Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
