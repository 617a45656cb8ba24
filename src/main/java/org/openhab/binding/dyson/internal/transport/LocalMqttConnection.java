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

import java.net.Socket;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;

/**
 * MQTT to the broker on the device itself: {@code tcp://host:port}, user name = serial, password = the local
 * credentials' password, MQTT 3.1.1 falling back to 3.1 when refused (done here rather than by Paho, whose own
 * fallback would outlive a {@link #close()} during the connect; robot vacuums: 3.1 only), keep-alive 60 s, a random
 * client id of 21 characters. The device's broker answers a reconnect with a still-remembered client id with a TCP
 * reset, so after a reset the connect is retried once with a fresh id (protocol notes §4.2).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LocalMqttConnection extends PahoDeviceConnection {

    public static final int DEFAULT_PORT = 1883;

    private final String host;
    private final int port;
    private final LocalCredentials credentials;
    private final TunedSocketFactory socketFactory;

    public LocalMqttConnection(DeviceTopics topics, String host, int port, LocalCredentials credentials,
            DeviceConnectionListener listener, ScheduledExecutorService scheduler, TransportSettings settings) {
        super(topics, listener, scheduler, settings);
        this.host = host;
        this.port = port;
        this.credentials = credentials;
        this.socketFactory = new TunedSocketFactory(settings.tcpNoDelay());
    }

    @Override
    public TransportKind kind() {
        return TransportKind.LOCAL;
    }

    @Override
    public void connect() throws TransportException {
        // the robot vacuums' brokers speak MQTT 3.1 only: no 3.1.1 attempt for them
        int version = topics.robot() ? MqttConnectOptions.MQTT_VERSION_3_1 : MqttConnectOptions.MQTT_VERSION_3_1_1;
        try {
            attempt(newClientId(), options(version));
        } catch (TransportException e) {
            Throwable cause = e.getCause();
            if (FailureCauses.connectionReset(cause)) {
                logger.debug("{}: connection reset by the device, retrying once with a fresh client id",
                        topics.serial());
                attempt(newClientId(), options(version));
            } else if (version == MqttConnectOptions.MQTT_VERSION_3_1_1
                    && FailureCauses.reasonCode(cause) == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION
                    || FailureCauses.closedByPeer(cause)) {
                logger.debug("{}: MQTT 3.1.1 refused, trying 3.1", topics.serial());
                attempt(newClientId(), options(MqttConnectOptions.MQTT_VERSION_3_1));
            } else {
                throw e;
            }
        }
    }

    /** A random client id of 21 characters (MQTT 3.1 allows at most 23). */
    static String newClientId() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "oh-dyson-" + HexFormat.of().formatHex(random);
    }

    private MqttConnectOptions options(int mqttVersion) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(mqttVersion);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(connectTimeoutSeconds());
        options.setUserName(credentials.serial());
        options.setPassword(credentials.password().toCharArray());
        options.setSocketFactory(socketFactory);
        return options;
    }

    @Override
    protected String serverUri() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "tcp://" + hostPart + ":" + port;
    }

    private String address() {
        return host + ":" + port;
    }

    @Override
    protected TransportException translate(Throwable failure) {
        String reason;
        if (FailureCauses.refusedCredentials(failure)) {
            reason = "local broker refused: bad credentials";
        } else if (FailureCauses.unreachable(failure)) {
            reason = "local device unreachable (" + address() + ")";
        } else if (FailureCauses.timedOut(failure)) {
            reason = "local device did not answer (" + address() + ")";
        } else if (FailureCauses.connectionReset(failure)) {
            reason = "local device reset the connection (" + address() + ")";
        } else if (FailureCauses.closedByPeer(failure)) {
            reason = "local device closed the connection (" + address() + ")";
        } else if (FailureCauses.reasonCode(failure) > 0 && FailureCauses.reasonCode(failure) < 6) {
            reason = "local broker refused the connection (code " + FailureCauses.reasonCode(failure) + ")";
        } else {
            reason = "local connection failed (" + address() + "): " + failure.getMessage();
        }
        TransportException exception = new TransportException(reason, false, failure);
        return FailureCauses.noTcpConnection(failure) ? exception.unreachableAt(host, port) : exception;
    }

    @Override
    protected String lostReason(@Nullable Throwable cause) {
        return "connection to the local device lost (" + address() + ")";
    }

    @Override
    void abortSockets() {
        socketFactory.abort();
    }

    @Override
    @Nullable
    Socket lastSocket() {
        return socketFactory.lastSocket();
    }
}
