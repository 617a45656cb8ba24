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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The fields of an MQTT 3.1 / 3.1.1 CONNECT packet that the stand-ins look at, read from the first bytes a client
 * sends (fixed header, variable header and the client id; will, user name and password are not read).
 *
 * @param protocolName "MQTT" (3.1.1) or "MQIsdp" (3.1)
 * @param level protocol level: 4 for 3.1.1, 3 for 3.1
 * @param flags the connect flags byte
 * @param keepAliveSeconds the keep-alive the client asks for
 * @param clientId the client identifier
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
record MqttConnectPacket(String protocolName, int level, int flags, int keepAliveSeconds, String clientId) {

    /** Longer CONNECTs are not taken for one (a real one carries a client id, maybe a will and credentials). */
    static final int MAX_REMAINING_LENGTH = 65_536;

    private static final int USER_NAME_FLAG = 0x80;
    private static final int PASSWORD_FLAG = 0x40;
    private static final int CLEAN_SESSION_FLAG = 0x02;
    private static final int RESERVED_FLAG = 0x01;

    boolean userName() {
        return (flags & USER_NAME_FLAG) != 0;
    }

    boolean password() {
        return (flags & PASSWORD_FLAG) != 0;
    }

    boolean cleanSession() {
        return (flags & CLEAN_SESSION_FLAG) != 0;
    }

    /**
     * Parses the CONNECT at the start of {@code data}.
     *
     * @return the packet, or null while it is incomplete
     * @throws IllegalArgumentException when the bytes are no well-formed CONNECT
     */
    static @Nullable MqttConnectPacket parse(byte[] data) {
        if (data.length < 1) {
            return null;
        }
        if ((data[0] & 0xFF) != 0x10) {
            throw new IllegalArgumentException("not a CONNECT");
        }
        int remaining = 0;
        int index = 1;
        for (int shift = 0;; shift += 7) {
            if (shift > 21) {
                throw new IllegalArgumentException("bad remaining length");
            }
            if (index >= data.length) {
                return null;
            }
            int digit = data[index++] & 0xFF;
            remaining |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        if (remaining > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("CONNECT too long");
        }
        if (data.length < index + remaining) {
            return null;
        }
        Reader reader = new Reader(data, index, index + remaining);
        String protocolName = reader.string();
        int level = reader.u8();
        int flags = reader.u8();
        int keepAlive = reader.u16();
        String clientId = reader.string();
        if ((flags & RESERVED_FLAG) != 0) {
            throw new IllegalArgumentException("reserved connect flag set");
        }
        return new MqttConnectPacket(protocolName, level, flags, keepAlive, clientId);
    }

    /** The client id, or null while the packet is incomplete; "" for anything that is no well-formed CONNECT. */
    static @Nullable String clientId(byte[] data) {
        try {
            MqttConnectPacket packet = parse(data);
            return packet == null ? null : packet.clientId();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Reads big-endian fields within the packet's bounds. */
    private static final class Reader {

        private final byte[] data;
        private final int end;
        private int at;

        Reader(byte[] data, int start, int end) {
            this.data = data;
            this.at = start;
            this.end = end;
        }

        int u8() {
            need(1);
            return data[at++] & 0xFF;
        }

        int u16() {
            need(2);
            int value = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
            at += 2;
            return value;
        }

        String string() {
            int length = u16();
            need(length);
            String value = new String(data, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        private void need(int bytes) {
            if (at + bytes > end) {
                throw new IllegalArgumentException("CONNECT cut short");
            }
        }
    }
}
