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
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An MQTT 3.1 / 3.1.1 client on a bare socket, for tests that need packets in an order or form no ordinary client
 * sends (an acknowledgement after DISCONNECT, a client id Paho would refuse) or need to see how the broker ends a
 * connection (CONNACK code, orderly close or TCP reset). Reads time out after 5 s.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RawMqttClient implements AutoCloseable {

    static final int CONNACK = 0x20;
    static final int PUBLISH = 0x30;
    static final int PUBACK = 0x40;
    static final int SUBACK = 0x90;
    static final int DISCONNECT = 0xE0;

    /** How a connection ended, seen from the client. */
    enum End {
        /** the peer closed in order (FIN) */
        CLOSED,
        /** the peer reset the connection (RST) */
        RESET,
        /** still open after the read timeout */
        OPEN
    }

    /** One packet: its first byte and the bytes after the remaining length. */
    record Packet(int header, byte[] body) {
        int type() {
            return header & 0xF0;
        }

        /** The return code of a CONNACK. */
        int returnCode() {
            return body[1] & 0xFF;
        }

        /** The packet id of a QoS 1 PUBLISH. */
        int publishPacketId() {
            int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
            return ((body[2 + topicLength] & 0xFF) << 8) | (body[3 + topicLength] & 0xFF);
        }
    }

    private final Socket socket;
    private final DataInputStream in;

    RawMqttClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
    }

    /** A CONNECT with a clean session and keep-alive 60 s; {@code mqtt31}: protocol "MQIsdp" level 3. */
    static byte[] connect(boolean mqtt31, String clientId, @Nullable String user, @Nullable String password) {
        return connect(mqtt31, clientId, user, password, 60);
    }

    /** The same with another keep-alive (seconds). */
    static byte[] connect(boolean mqtt31, String clientId, @Nullable String user, @Nullable String password,
            int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, mqtt31 ? "MQIsdp" : "MQTT");
        body.write(mqtt31 ? 3 : 4);
        body.write(0x02 | (user != null ? 0x80 : 0) | (password != null ? 0x40 : 0));
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds);
        writeString(body, clientId);
        if (user != null) {
            writeString(body, user);
        }
        if (password != null) {
            writeString(body, password);
        }
        return packet(0x10, body.toByteArray());
    }

    /** A SUBSCRIBE with packet id 1 to {@code topic} at QoS 1. */
    static byte[] subscribe(String topic) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1);
        writeString(body, topic);
        body.write(1);
        return packet(0x82, body.toByteArray());
    }

    static byte[] puback(int packetId) {
        return packet(PUBACK, new byte[] { (byte) (packetId >> 8), (byte) packetId });
    }

    static byte[] disconnect() {
        return packet(DISCONNECT, new byte[0]);
    }

    /** Writes the packets in one go (one TCP segment on loopback). */
    void send(byte[]... packets) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            all.write(packet);
        }
        socket.getOutputStream().write(all.toByteArray());
        socket.getOutputStream().flush();
    }

    /** The next packet from the broker. */
    Packet read() throws IOException {
        int header = in.readUnsignedByte();
        int remaining = 0;
        for (int shift = 0; shift <= 21; shift += 7) {
            int digit = in.readUnsignedByte();
            remaining |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[remaining];
        in.readFully(body);
        return new Packet(header, body);
    }

    /** Reads packets until one of {@code type} comes. */
    Packet readUntil(int type) throws IOException {
        Packet packet;
        do {
            packet = read();
        } while (packet.type() != type);
        return packet;
    }

    /** Reads until the broker ends the connection (or the read times out) and tells how it ended. */
    End awaitEnd() {
        try {
            while (true) {
                read();
            }
        } catch (EOFException e) {
            return End.CLOSED;
        } catch (SocketTimeoutException e) {
            return End.OPEN;
        } catch (IOException e) {
            // "Connection reset" on Linux when the peer sent an RST
            return End.RESET;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] packet(int header, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int remaining = body.length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
