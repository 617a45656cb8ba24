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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.testworld.ResettingProxy;
import org.openhab.binding.dyson.internal.testworld.TestPki;

/**
 * {@link LocalMqttConnection} and {@link CloudMqttConnection} against the loopback test world: a real Moquette
 * broker, the AWS IoT endpoint stand-in with real TLS, and a simulated device.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceConnectionTest {

    private static final String PASSWORD = "local-secret-438M";

    private static @Nullable LoopbackWorld world;
    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(1);

    @BeforeAll
    static void startWorld() throws Exception {
        world = LoopbackWorld.start("438M", PASSWORD);
    }

    private static LoopbackWorld world() {
        return nonNull(world);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        nonNull(world).close();
        SCHEDULER.shutdownNow();
    }

    static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static DeviceTopics topics() {
        return world().device().topics();
    }

    static TransportSettings testSettings(int cloudPort) {
        return TransportSettings.DEFAULT.withCloud(cloudPort, TestPki.get().clientContext());
    }

    private static IotCredentials credentials(IotAuthority.Grant grant) {
        return new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(), grant.authorizerName(), grant.tokenKey(),
                grant.tokenValue(), grant.tokenSignature());
    }

    private CloudMqttConnection cloud(IotCredentials credentials, RecordingConnectionListener listener,
            TransportSettings settings) {
        return new CloudMqttConnection(topics(), credentials, listener, SCHEDULER, settings);
    }

    private LocalMqttConnection local(String password, int port, RecordingConnectionListener listener) {
        return new LocalMqttConnection(topics(), "127.0.0.1", port,
                new LocalCredentials(topics().serial(), password), listener, SCHEDULER,
                testSettings(world().endpoint().port()));
    }

    private static String request(String msg) {
        return "{\"msg\":\"" + msg + "\",\"time\":\"" + Instant.now() + "\"}";
    }

    private static void assertStateSetRoundTrip(DeviceConnection connection, RecordingConnectionListener listener) {
        assertTrue(connection.publish(request("REQUEST-CURRENT-STATE")));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.received("status/current", "CURRENT-STATE"));
        assertTrue(connection.publish("{\"msg\":\"STATE-SET\",\"time\":\"" + Instant.now()
                + "\",\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"0007\"}}"));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.received("status/current", "STATE-CHANGE")
                && listener.messages.stream().anyMatch(m -> m.contains("\"fnsp\":[")
                        && m.contains(",\"0007\"]")));
        assertEquals("0007", world().device().productState().get("fnsp"));
    }

    @Test
    void cloudConnectionReceivesStateAndSendsCommands() throws Exception {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        try (CloudMqttConnection connection = cloud(credentials(world().authority().issue(topics().serial())), listener,
                testSettings(world().endpoint().port()))) {
            connection.connect();
            assertTrue(connection.isConnected());
            assertEquals(TransportKind.CLOUD, connection.kind());
            assertStateSetRoundTrip(connection, listener);
            assertTrue(nonNull(connection.lastSocket()).getTcpNoDelay(), "TCP_NODELAY on the WSS socket");
        }
    }

    @Test
    void localConnectionWithTheRightPasswordWorks() throws Exception {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        try (LocalMqttConnection connection = local(PASSWORD, world().broker().port(), listener)) {
            connection.connect();
            assertTrue(connection.isConnected());
            assertStateSetRoundTrip(connection, listener);
            assertTrue(nonNull(connection.lastSocket()).getTcpNoDelay(), "TCP_NODELAY on the TCP socket");
        }
    }

    @Test
    void tcpNoDelayCanBeSwitchedOffForTheBenchmark() throws Exception {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        try (LocalMqttConnection connection = new LocalMqttConnection(topics(), "127.0.0.1", world().broker().port(),
                new LocalCredentials(topics().serial(), PASSWORD), listener, SCHEDULER,
                TransportSettings.DEFAULT.withTcpNoDelay(false))) {
            connection.connect();
            assertFalse(nonNull(connection.lastSocket()).getTcpNoDelay());
        }
    }

    @Test
    void localConnectionWithAWrongPasswordIsRefused() {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        try (LocalMqttConnection connection = local("wrong", world().broker().port(), listener)) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("local broker refused: bad credentials", e.reason());
            assertFalse(e.needsFreshCredentials());
            assertFalse(e.reason().contains("wrong"));
        }
    }

    /**
     * A robot's broker requires MQTT 3.1 (protocol notes §4.2) and, like every device broker under 3.1, refuses a
     * client id of more than 23 characters: the binding falls back to 3.1 with an id that fits.
     */
    @Test
    void localConnectionFallsBackToMqtt31WithAShortEnoughClientId() throws Exception {
        try (EmbeddedBroker robot = new EmbeddedBroker().addAccount(topics().serial(), PASSWORD).onlyMqtt31().start();
                LocalMqttConnection connection = local(PASSWORD, robot.port(), new RecordingConnectionListener())) {
            connection.connect();
            assertTrue(connection.isConnected());
            assertEquals(2, robot.connectAttempts(), "3.1.1 refused, then 3.1 accepted");
        }
    }

    @Test
    void aResetAfterConnectIsRetriedOnceWithAFreshClientId() throws Exception {
        try (ResettingProxy churning = new ResettingProxy(world().broker().port(), 1);
                LocalMqttConnection connection = local(PASSWORD, churning.port(), new RecordingConnectionListener())) {
            connection.connect();
            assertTrue(connection.isConnected());
            List<String> ids = churning.clientIds();
            assertEquals(2, ids.size());
            assertNotEquals(ids.get(0), ids.get(1));
            assertTrue(ids.stream().allMatch(id -> id.length() <= 23), "MQTT 3.1 client id limit");
        }
    }

    @Test
    void twoResetsInARowAreReported() throws Exception {
        try (ResettingProxy churning = new ResettingProxy(world().broker().port(), 2);
                LocalMqttConnection connection = local(PASSWORD, churning.port(), new RecordingConnectionListener())) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("local device reset the connection (127.0.0.1:" + churning.port() + ")", e.reason());
            assertEquals(2, churning.clientIds().size());
        }
    }

    @Test
    void unreachableLocalDeviceIsReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LocalMqttConnection connection = local(PASSWORD, closedPort, new RecordingConnectionListener())) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("local device unreachable (127.0.0.1:" + closedPort + ")", e.reason());
        }
    }

    @Test
    void missingOrWrongAuthorizerHeadersAreRefused() {
        IotAuthority.Grant grant = world().authority().issue(topics().serial());
        int refusedBefore = world().endpoint().upgradesRefused();
        IotCredentials missingToken = new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(), grant.authorizerName(),
                "not-the-token-key", grant.tokenValue(), grant.tokenSignature());
        IotCredentials wrongSignature = new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), "AAAA" + grant.tokenSignature());
        for (IotCredentials credentials : new IotCredentials[] { missingToken, wrongSignature }) {
            try (CloudMqttConnection connection = cloud(credentials, new RecordingConnectionListener(),
                    testSettings(world().endpoint().port()))) {
                TransportException e = assertThrows(TransportException.class, connection::connect);
                assertEquals("cloud endpoint refused the WebSocket upgrade (credentials?)", e.reason());
                assertTrue(e.needsFreshCredentials());
                assertFalse(e.reason().contains(grant.tokenSignature()));
            }
        }
        assertEquals(refusedBefore + 2, world().endpoint().upgradesRefused());
    }

    @Test
    void theEndpointAnswers403WithoutOrWithWrongHeaders() {
        IotAuthority.Grant grant = world().authority().issue(topics().serial());
        HttpClient http = HttpClient.newBuilder().sslContext(TestPki.get().clientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("wss://" + TestPki.IOT_ENDPOINT + ":" + world().endpoint().port() + "/mqtt");
        assertEquals(403, upgradeStatus(http.newWebSocketBuilder().subprotocols("mqtt"), uri));
        assertEquals(403, upgradeStatus(http.newWebSocketBuilder().subprotocols("mqtt")
                .header(grant.tokenKey(), grant.tokenValue())
                .header(CloudMqttConnection.AUTHORIZER_NAME_HEADER, grant.authorizerName())
                .header(CloudMqttConnection.AUTHORIZER_SIGNATURE_HEADER, "wrong"), uri));
    }

    private static int upgradeStatus(WebSocket.Builder builder, URI uri) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> builder.buildAsync(uri, new WebSocket.Listener() {
                }).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        return handshake.getResponse().statusCode();
    }

    @Test
    void aForeignClientIdIsRefusedAfterConnect() {
        IotAuthority.Grant grant = world().authority().issue(topics().serial());
        int refusedBefore = world().endpoint().connectsRefused();
        IotCredentials foreignClient = new IotCredentials(TestPki.IOT_ENDPOINT, "prefix-" + grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature());
        try (CloudMqttConnection connection = cloud(foreignClient, new RecordingConnectionListener(),
                testSettings(world().endpoint().port()))) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("cloud endpoint closed the connection (client id or credentials?)", e.reason());
            assertTrue(e.needsFreshCredentials());
        }
        assertEquals(refusedBefore + 1, world().endpoint().connectsRefused());
    }

    @Test
    void anUntrustedCertificateIsReported() throws Exception {
        SSLContext jdkDefault = SSLContext.getInstance("TLS");
        jdkDefault.init(null, null, null);
        try (CloudMqttConnection connection = cloud(credentials(world().authority().issue(topics().serial())),
                new RecordingConnectionListener(),
                TransportSettings.DEFAULT.withCloud(world().endpoint().port(), jdkDefault))) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("TLS: certificate not trusted", e.reason());
        }
    }

    @Test
    void aHostNameMismatchIsReported() throws Exception {
        // the AWS stand-in refuses a foreign SNI itself; a TLS server that does not look at SNI lets the client's
        // own host name check fail
        IotAuthority.Grant grant = world().authority().issue(topics().serial());
        IotCredentials wrongHost = new IotCredentials(TestPki.UNCERTIFIED_HOST, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature());
        try (SSLServerSocket lenient = (SSLServerSocket) TestPki.get().serverContext().getServerSocketFactory()
                .createServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> handshakeUntilClosed(lenient), "lenient-tls-server");
            acceptor.setDaemon(true);
            acceptor.start();
            try (CloudMqttConnection connection = cloud(wrongHost, new RecordingConnectionListener(),
                    testSettings(lenient.getLocalPort()))) {
                TransportException e = assertThrows(TransportException.class, connection::connect);
                assertEquals("TLS: host name mismatch", e.reason());
            }
        }
    }

    private static void handshakeUntilClosed(SSLServerSocket server) {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
            } catch (IOException e) {
                // the client gave up, or the server socket was closed
            }
        }
    }

    @Test
    void closingDuringAConnectLeavesNoThreads() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            // accepts the TCP connection (backlog) but never answers the CONNECT
            LocalMqttConnection connection = local(PASSWORD, silent.getLocalPort(), new RecordingConnectionListener());
            ScheduledExecutorService connector = new ScheduledThreadPoolExecutor(1);
            try {
                var pending = connector.submit(() -> {
                    connection.connect();
                    return null;
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> ThreadCounts.paho() > 0);
                long start = System.nanoTime();
                connection.close();
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "close is bounded");
                await().atMost(Duration.ofSeconds(2)).until(pending::isDone);
                ExecutionException failure = assertThrows(ExecutionException.class, pending::get);
                assertInstanceOf(TransportException.class, failure.getCause());
            } finally {
                connector.shutdownNow();
            }
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertEquals(List.of(), ThreadCounts.pahoNames()));
        }
    }

}
