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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A plain socket whose end (EOF or a read error) is reported no sooner than {@link #MIN_LIFE_MILLIS} after it
 * connected. Paho 1.2.5 starts its receiver, sender and callback threads one after the other, each time polling every
 * 100 ms until the thread is running (about 300 ms in all). When the peer closes the connection at once (a broker
 * that accepts and hangs up), the receiver ends the others before a poll sees them running, and Paho's connect thread
 * waits forever: one leaked thread per such connect. Holding the end back until all three are surely running lets
 * the connect fail as it should.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SteadyStartSocket extends Socket {

    static final long MIN_LIFE_MILLIS = 1000;

    private volatile long connectedNanos = System.nanoTime();

    @Override
    public void connect(@Nullable SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        connectedNanos = System.nanoTime();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                try {
                    return endHeldBack(super.read());
                } catch (SocketTimeoutException e) {
                    throw e;
                } catch (IOException e) {
                    endHeldBack(-1);
                    throw e;
                }
            }

            @Override
            public int read(byte @Nullable [] buffer, int offset, int length) throws IOException {
                try {
                    return endHeldBack(super.read(buffer, offset, length));
                } catch (SocketTimeoutException e) {
                    throw e;
                } catch (IOException e) {
                    endHeldBack(-1);
                    throw e;
                }
            }
        };
    }

    /** Returns {@code result}; for an end (-1), first waits until the socket has lived its minimum. */
    private int endHeldBack(int result) {
        if (result < 0) {
            long leftMillis = MIN_LIFE_MILLIS - (System.nanoTime() - connectedNanos) / 1_000_000L;
            if (leftMillis > 0) {
                try {
                    Thread.sleep(leftMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return result;
    }
}
