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

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Classifies the exceptions Paho reports (usually an {@link MqttException} wrapping the real cause).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class FailureCauses {

    /** Paho's message when the endpoint's WebSocket accept key does not match the key it sent. */
    private static final String KEY_MISMATCH = "Incorrect Sec-WebSocket-Key";

    /** Paho's code for CONNACK "bad user name or password". */
    static final int BAD_CREDENTIALS = MqttException.REASON_CODE_FAILED_AUTHENTICATION;
    /** Paho's code for CONNACK "not authorized". */
    static final int NOT_AUTHORIZED = MqttException.REASON_CODE_NOT_AUTHORIZED;

    private FailureCauses() {
    }

    /** Paho's reason code, or -1 when the failure is no {@link MqttException}. */
    static int reasonCode(@Nullable Throwable failure) {
        return failure instanceof MqttException mqtt ? mqtt.getReasonCode() : -1;
    }

    static boolean refusedCredentials(@Nullable Throwable failure) {
        int code = reasonCode(failure);
        return code == BAD_CREDENTIALS || code == NOT_AUTHORIZED;
    }

    static boolean timedOut(@Nullable Throwable failure) {
        return reasonCode(failure) == MqttException.REASON_CODE_CLIENT_TIMEOUT
                || find(failure, SocketTimeoutException.class) != null;
    }

    static boolean unreachable(@Nullable Throwable failure) {
        return find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null
                || find(failure, NoRouteToHostException.class) != null;
    }

    /** No TCP connection could be opened: refused, no route, unknown host, or the TCP connect timed out. */
    static boolean noTcpConnection(@Nullable Throwable failure) {
        return unreachable(failure) || messageMatches(failure, SocketTimeoutException.class,
                message -> message.contains("connect timed out"));
    }

    /** The peer sent a TCP reset (the local broker's answer to client-id churn). */
    static boolean connectionReset(@Nullable Throwable failure) {
        return messageMatches(failure, SocketException.class, message -> message.contains("reset"));
    }

    /** The peer closed the connection during the MQTT or WebSocket handshake. */
    static boolean closedByPeer(@Nullable Throwable failure) {
        return find(failure, EOFException.class) != null
                || reasonCode(failure) == MqttException.REASON_CODE_CONNECTION_LOST;
    }

    /** Paho's answer to any non-101 reply on the WebSocket upgrade (401 and 403 look the same). */
    static boolean upgradeRefused(@Nullable Throwable failure) {
        return messageMatches(failure, IOException.class,
                message -> message.startsWith("WebSocket Response header") && !message.contains(KEY_MISMATCH));
    }

    /**
     * Paho 1.2.5 found the endpoint's {@code Sec-WebSocket-Accept} not matching its key: its Base64 encoder keeps its
     * result in a static field, so two WebSocket handshakes at the same moment can mix up their keys. A client-side
     * race, not a refusal: the credentials are fine.
     */
    static boolean webSocketKeyMismatch(@Nullable Throwable failure) {
        return messageMatches(failure, IOException.class, message -> message.contains(KEY_MISMATCH));
    }

    /** A reason text for a TLS failure, or null when the failure is not about TLS. */
    static @Nullable String tlsReason(@Nullable Throwable failure) {
        if (find(failure, SSLException.class) == null) {
            return null;
        }
        if (messageMatches(failure, Throwable.class,
                message -> message.contains("No subject alternative") || message.contains("No name matching"))) {
            return "TLS: host name mismatch";
        }
        if (find(failure, CertPathBuilderException.class) != null
                || find(failure, CertPathValidatorException.class) != null
                || find(failure, CertificateException.class) != null) {
            return "TLS: certificate not trusted";
        }
        return "TLS: handshake failed";
    }

    /** Whether a cause of the given type has a message that matches. */
    private static boolean messageMatches(@Nullable Throwable failure, Class<? extends Throwable> type,
            Predicate<String> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (type.isInstance(t) && message != null && test.test(message)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable find(@Nullable Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
