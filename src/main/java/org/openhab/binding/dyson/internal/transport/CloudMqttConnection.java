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
import java.security.NoSuchAlgorithmException;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;

/**
 * MQTT over secure WebSocket to AWS IoT: {@code wss://<Endpoint>:443/mqtt}, Dyson's custom authorizer passed as
 * three headers on the upgrade request, client id exactly the credentials' client id, no user name or password,
 * MQTT 3.1.1, clean session, QoS at most 1, TLS 1.2+ with the JDK trust store, SNI and host name verification
 * (protocol notes §3.1).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class CloudMqttConnection extends PahoDeviceConnection {

    static final String AUTHORIZER_NAME_HEADER = "X-Amz-CustomAuthorizer-Name";
    static final String AUTHORIZER_SIGNATURE_HEADER = "X-Amz-CustomAuthorizer-Signature";
    private static final int MIN_KEEP_ALIVE = 30;
    private static final int MAX_KEEP_ALIVE = 1200;

    private final IotCredentials credentials;
    private final @Nullable TunedSslSocketFactory socketFactory;

    public CloudMqttConnection(DeviceTopics topics, IotCredentials credentials, DeviceConnectionListener listener,
            ScheduledExecutorService scheduler, TransportSettings settings) {
        super(topics, listener, scheduler, settings);
        this.credentials = credentials;
        TunedSslSocketFactory factory = null;
        try {
            SSLContext context = settings.cloudSslContext();
            SSLContext tls = context != null ? context : SSLContext.getDefault();
            factory = new TunedSslSocketFactory(tls.getSocketFactory(), settings.tcpNoDelay());
        } catch (NoSuchAlgorithmException e) {
            logger.warn("No TLS support in this JVM: {}", e.getMessage());
        }
        this.socketFactory = factory;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.CLOUD;
    }

    @Override
    public void connect() throws TransportException {
        TunedSslSocketFactory factory = socketFactory;
        if (factory == null) {
            throw new TransportException("TLS: not available in this Java runtime", false);
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(Math.max(MIN_KEEP_ALIVE, Math.min(MAX_KEEP_ALIVE, settings.keepAliveSeconds())));
        options.setConnectionTimeout(connectTimeoutSeconds());
        options.setHttpsHostnameVerificationEnabled(true);
        options.setSocketFactory(factory);
        Properties headers = new Properties();
        headers.setProperty(credentials.tokenKey(), credentials.tokenValue());
        headers.setProperty(AUTHORIZER_NAME_HEADER, credentials.customAuthorizerName());
        headers.setProperty(AUTHORIZER_SIGNATURE_HEADER, credentials.tokenSignature());
        options.setCustomWebSocketHeaders(headers);
        attempt(credentials.clientId(), options);
    }

    @Override
    protected String serverUri() {
        return "wss://" + credentials.endpoint() + ":" + settings.cloudPort() + "/mqtt";
    }

    @Override
    protected TransportException translate(Throwable failure) {
        String tls = FailureCauses.tlsReason(failure);
        if (tls != null) {
            return new TransportException(tls, false, failure);
        }
        if (FailureCauses.webSocketKeyMismatch(failure)) {
            return new TransportException("WebSocket handshake mixed up with another one (retrying)", false, failure);
        }
        if (FailureCauses.upgradeRefused(failure)) {
            return new TransportException("cloud endpoint refused the WebSocket upgrade (credentials?)", true, failure);
        }
        if (FailureCauses.refusedCredentials(failure)) {
            return new TransportException("cloud endpoint refused: not authorized (credentials?)", true, failure);
        }
        if (FailureCauses.noTcpConnection(failure)) {
            return new TransportException("cloud endpoint unreachable", false, failure)
                    .unreachableAt(credentials.endpoint(), settings.cloudPort());
        }
        if (FailureCauses.timedOut(failure)) {
            return new TransportException("cloud endpoint did not answer", false, failure);
        }
        if (FailureCauses.closedByPeer(failure) || FailureCauses.connectionReset(failure)) {
            return new TransportException("cloud endpoint closed the connection (client id or credentials?)", true,
                    failure);
        }
        return new TransportException("cloud connection failed: " + failure.getMessage(), true, failure);
    }

    @Override
    protected String lostReason(@Nullable Throwable cause) {
        return "connection to the cloud endpoint lost";
    }

    @Override
    void abortSockets() {
        TunedSslSocketFactory factory = socketFactory;
        if (factory != null) {
            factory.abort();
        }
    }

    @Override
    @Nullable
    Socket lastSocket() {
        TunedSslSocketFactory factory = socketFactory;
        return factory == null ? null : factory.lastSocket();
    }
}
