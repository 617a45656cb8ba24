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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The door of the test world's broker: clients connect here, and every connection is relayed to the embedded
 * Moquette broker behind it. A CONNECT with a user name is one to a Dyson device's own broker, and the gate applies
 * the rules of the real ones first (protocol notes §4.2):
 * <ul>
 * <li>MQTT 3.1 ({@code MQIsdp}): a client id of more than 23 characters (or none) gets CONNACK 2, "identifier
 * rejected", and the connection is closed. MQTT 3.1.1 ids are not limited (fans accept 3.1.1 with any id).</li>
 * <li>Optionally ({@link #onlyMqtt31}, robots): MQTT 3.1.1 gets CONNACK 1, "unacceptable protocol version". The notes
 * only say robots require 3.1; how a robot refuses 3.1.1 is not captured, this is the standard answer.</li>
 * <li>Churn: a CONNECT whose client id the broker still holds is answered with a TCP reset. The broker holds an id
 * while that client's connection is open and, when the connection ended without DISCONNECT, until 1.5 times its
 * keep-alive has passed since the broker last heard from it: a device does not notice a client that just goes
 * away (a Wi-Fi drop, a killed process) before its keep-alive runs out. A clean DISCONNECT frees the id at once, and
 * so does a connection that the broker itself ended (refused credentials, its own keep-alive timeout). A stop
 * forgets every id, as a rebooting device does.</li>
 * </ul>
 * A wrong password is refused by the broker behind (CONNACK 4, "bad user name or password"; the notes name 4 and
 * 5). Connections without a user name are the test world's own (simulated devices, the AWS IoT stand-in's relay)
 * and pass unchecked.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class DeviceBrokerGate implements AutoCloseable {

    /** The longest client id MQTT 3.1 allows. */
    static final int MQTT31_MAX_CLIENT_ID = 23;

    static final int CONNACK_UNACCEPTABLE_PROTOCOL = 1;
    static final int CONNACK_IDENTIFIER_REJECTED = 2;

    private static final int MQTT31_LEVEL = 3;
    /** Above this many held client ids, those no longer held are forgotten (long soaks reconnect often). */
    private static final int FORGET_ABOVE = 256;

    /** Told about every CONNECT with a user name, before any rule is applied. */
    @FunctionalInterface
    interface ConnectCounter {
        void counted(MqttConnectPacket connect);
    }

    private final ServerSocket server;
    private final InetAddress host;
    private final int brokerPort;
    private final boolean onlyMqtt31;
    private final ConnectCounter counter;
    private final Map<String, Session> heldIds = new ConcurrentHashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "device-broker-gate");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Listens on {@code host}:{@code port} (0: a free port) and relays to the broker on {@code host}:{@code brokerPort}.
     */
    DeviceBrokerGate(String host, int port, int brokerPort, boolean onlyMqtt31, ConnectCounter counter)
            throws IOException {
        this.host = InetAddress.getByName(host);
        this.brokerPort = brokerPort;
        this.onlyMqtt31 = onlyMqtt31;
        this.counter = counter;
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true); // the same port again right after a stop
        socket.bind(new InetSocketAddress(this.host, port), 128);
        server = socket;
        threads.execute(() -> SocketRelay.acceptEach(server, sockets, threads, this::handle));
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops listening and cuts every connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(SocketRelay::closeQuietly);
        heldIds.clear();
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Socket client) {
        Socket broker = null;
        try {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            MqttConnectPacket connect = null;
            boolean wellFormed = true;
            while (connect == null && wellFormed) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                head.write(buffer, 0, n);
                try {
                    connect = MqttConnectPacket.parse(head.toByteArray());
                } catch (IllegalArgumentException e) {
                    wellFormed = false; // the broker behind answers that as it does
                }
            }
            Session session = null;
            if (connect != null && connect.userName()) {
                counter.counted(connect);
                if (refused(connect, client)) {
                    return;
                }
                session = new Session(connect.clientId(), connect.keepAliveSeconds());
            }
            broker = new Socket();
            sockets.add(broker);
            broker.setTcpNoDelay(true);
            broker.connect(new InetSocketAddress(host, brokerPort));
            relay(client, broker, head.toByteArray(), session);
        } catch (IOException | RejectedExecutionException e) {
            // one side went away, or the gate is closing
        } finally {
            SocketRelay.closeQuietly(client);
            sockets.remove(client);
            if (broker != null) {
                SocketRelay.closeQuietly(broker);
                sockets.remove(broker);
            }
        }
    }

    /** Applies the device broker's rules; true when the connection was refused (and is closed). */
    private boolean refused(MqttConnectPacket connect, Socket client) throws IOException {
        boolean mqtt31 = connect.level() == MQTT31_LEVEL;
        if (!mqtt31 && onlyMqtt31) {
            refuse(client, CONNACK_UNACCEPTABLE_PROTOCOL);
            return true;
        }
        String clientId = connect.clientId();
        if (mqtt31 && (clientId.isEmpty() || clientId.length() > MQTT31_MAX_CLIENT_ID)) {
            refuse(client, CONNACK_IDENTIFIER_REJECTED);
            return true;
        }
        long now = System.nanoTime();
        if (heldIds.size() > FORGET_ABOVE) {
            heldIds.values().removeIf(session -> !session.stillHeld(now));
        }
        Session held = heldIds.get(clientId);
        if (held != null) {
            if (held.stillHeld(now)) {
                client.setSoLinger(true, 0); // close with a reset
                client.close();
                return true;
            }
            heldIds.remove(clientId, held);
        }
        return false;
    }

    private static void refuse(Socket client, int returnCode) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(new byte[] { 0x20, 0x02, 0x00, (byte) returnCode });
        out.flush();
        client.close();
    }

    /** Relays both ways until one side ends; keeps track of the session of a device-broker connection. */
    private void relay(Socket client, Socket broker, byte[] head, @Nullable Session session) {
        AtomicBoolean brokerEnded = new AtomicBoolean();
        AtomicBoolean clientEnded = new AtomicBoolean();
        threads.execute(() -> {
            if (copyFromBroker(broker, client, session) && !clientEnded.get()) {
                brokerEnded.set(true);
                if (session != null) {
                    // the broker ended the session itself: the id is free before the client learns of it
                    heldIds.remove(session.clientId, session);
                }
            }
            SocketRelay.closeQuietly(client);
        });
        PacketScanner scanner = new PacketScanner();
        boolean writeFailed = false;
        try {
            OutputStream out = broker.getOutputStream();
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            byte[] chunk = head;
            int n = head.length;
            while (n >= 0) {
                if (session != null) {
                    // before passing it on: once the broker has the DISCONNECT, the client may be back at once
                    scanner.feed(chunk, n);
                    session.heard(scanner.sawDisconnect());
                }
                try {
                    out.write(chunk, 0, n);
                } catch (IOException e) {
                    writeFailed = true;
                    break;
                }
                chunk = buffer;
                n = in.read(buffer);
            }
        } catch (IOException e) {
            // the client went away (or its socket was closed because the broker ended)
        }
        boolean brokerSide = writeFailed || brokerEnded.get();
        clientEnded.set(true);
        SocketRelay.closeQuietly(broker);
        if (session != null) {
            session.ended();
            if (brokerSide || !session.stillHeld(System.nanoTime())) {
                heldIds.remove(session.clientId, session);
            }
        }
    }

    /**
     * Copies the broker's bytes to the client and notes whether the broker accepted a device-broker CONNECT.
     *
     * @return true when the broker ended the connection, false when the client was gone
     */
    private boolean copyFromBroker(Socket broker, Socket client, @Nullable Session session) {
        byte[] buffer = new byte[8192];
        boolean connAckSeen = session == null;
        ByteArrayOutputStream connAck = new ByteArrayOutputStream();
        InputStream in;
        OutputStream out;
        try {
            in = broker.getInputStream();
            out = client.getOutputStream();
        } catch (IOException e) {
            return false;
        }
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                return true;
            }
            if (!connAckSeen && session != null) {
                connAck.write(buffer, 0, n);
                byte[] bytes = connAck.toByteArray();
                if (bytes.length >= 4) {
                    connAckSeen = true;
                    if ((bytes[0] & 0xF0) == 0x20 && bytes[3] == 0) {
                        // accepted: the broker holds the client id from now on (before the client knows)
                        heldIds.put(session.clientId, session);
                    }
                }
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** What the device's broker knows of one client's connection. */
    private static final class Session {

        final String clientId;
        private final long holdNanos;
        private volatile long lastHeardNanos = System.nanoTime();
        private volatile boolean open = true;
        private volatile boolean disconnected;

        Session(String clientId, int keepAliveSeconds) {
            this.clientId = clientId;
            this.holdNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds) * 3 / 2;
        }

        void heard(boolean sawDisconnect) {
            lastHeardNanos = System.nanoTime();
            disconnected = sawDisconnect;
        }

        void ended() {
            open = false;
        }

        boolean stillHeld(long now) {
            if (disconnected) {
                return false;
            }
            return open || now - lastHeardNanos < holdNanos;
        }
    }

    /** Finds the packet boundaries in a client's byte stream and notices a DISCONNECT. */
    static final class PacketScanner {

        private static final int HEADER = 0;
        private static final int LENGTH = 1;
        private static final int BODY = 2;

        private int state = HEADER;
        private int header;
        private int shift;
        private long remaining;
        private boolean sawDisconnect;

        void feed(byte[] data, int length) {
            int at = 0;
            while (at < length) {
                switch (state) {
                    case HEADER -> {
                        header = data[at++] & 0xFF;
                        remaining = 0;
                        shift = 0;
                        state = LENGTH;
                    }
                    case LENGTH -> {
                        int digit = data[at++] & 0xFF;
                        remaining |= (long) (digit & 0x7F) << shift;
                        shift += 7;
                        if ((digit & 0x80) == 0) {
                            if ((header & 0xF0) == 0xE0) {
                                sawDisconnect = true;
                            }
                            state = remaining == 0 ? HEADER : BODY;
                        }
                    }
                    default -> {
                        int skip = (int) Math.min(remaining, length - at);
                        at += skip;
                        remaining -= skip;
                        if (remaining == 0) {
                            state = HEADER;
                        }
                    }
                }
            }
        }

        boolean sawDisconnect() {
            return sawDisconnect;
        }
    }
}
