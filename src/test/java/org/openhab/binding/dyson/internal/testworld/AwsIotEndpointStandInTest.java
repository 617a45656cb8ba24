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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn.Drop;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn.Refusal;
import org.openhab.binding.dyson.internal.transport.CloudMqttConnection;
import org.openhab.binding.dyson.internal.transport.DeviceConnectionListener;
import org.openhab.binding.dyson.internal.transport.TransportException;
import org.openhab.binding.dyson.internal.transport.TransportSettings;

/**
 * The AWS IoT endpoint stand-in is as strict as AWS IoT: for each rule a violating client (raw Paho, the JDK's
 * WebSocket client or a bare TLS socket) is refused or dropped, and the binding's {@link CloudMqttConnection} is
 * admitted.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class AwsIotEndpointStandInTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(1);
    private static @Nullable LoopbackWorld world;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startWorld() throws Exception {
        world = LoopbackWorld.start("438M", "local-secret-438M");
    }

    @AfterAll
    static void stopWorld() throws Exception {
        nonNull(world).close();
        SCHEDULER.shutdownNow();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        endpoint().maxSessionDuration(AwsIotEndpointStandIn.AWS_MAX_SESSION_DURATION);
        await().atMost(WAIT).until(() -> endpoint().liveSessions() == 0);
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static LoopbackWorld world() {
        return nonNull(world);
    }

    private static AwsIotEndpointStandIn endpoint() {
        return world().endpoint();
    }

    private static IotAuthority.Grant grant() {
        return world().authority().issue(world().device().topics().serial());
    }

    private static URI uri() {
        return URI.create("wss://" + TestPki.IOT_ENDPOINT + ":" + endpoint().port() + "/mqtt");
    }

    // --- the compliant client: the binding's own connection

    /** Records what the binding's connection reports. */
    private static final class Listener implements DeviceConnectionListener {

        final List<String> lost = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String topic, String payload) {
        }

        @Override
        public void onConnectionLost(String reason) {
            lost.add(reason);
        }
    }

    private CloudMqttConnection binding(IotAuthority.Grant grant, Listener listener, TransportSettings settings) {
        IotCredentials credentials = new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature());
        CloudMqttConnection connection = new CloudMqttConnection(world().device().topics(), credentials, listener,
                SCHEDULER, settings);
        opened.add(connection);
        return connection;
    }

    private CloudMqttConnection connectedBinding(IotAuthority.Grant grant, Listener listener) throws Exception {
        CloudMqttConnection connection = binding(grant, listener, settings());
        connection.connect();
        assertTrue(connection.isConnected());
        return connection;
    }

    private static TransportSettings settings() {
        return TransportSettings.DEFAULT.withCloud(endpoint().port(), TestPki.get().clientContext());
    }

    @Test
    void theBindingsConnectionIsAdmitted() throws Exception {
        Map<Refusal, Integer> refusedBefore = refusalCounts();
        int admitted = endpoint().connectsAdmitted();
        connectedBinding(grant(), new Listener());
        assertEquals(admitted + 1, endpoint().connectsAdmitted());
        assertEquals(1, endpoint().liveSessions());
        assertEquals(refusedBefore, refusalCounts(), "no rule broken");
    }

    @Test
    void theBindingClampsAKeepAliveOutOfRange() throws Exception {
        for (int keepAlive : new int[] { 5, 5000 }) {
            TransportSettings defaults = settings();
            TransportSettings settings = new TransportSettings(defaults.connectTimeout(),
                    defaults.disconnectTimeout(), keepAlive, defaults.cloudPort(), defaults.cloudSslContext(), true);
            CloudMqttConnection connection = binding(grant(), new Listener(), settings);
            connection.connect();
            assertTrue(connection.isConnected(), "keep-alive " + keepAlive + " s clamped into 30..1200");
        }
        assertEquals(0, endpoint().refusals(Refusal.KEEP_ALIVE));
    }

    private static Map<Refusal, Integer> refusalCounts() {
        Map<Refusal, Integer> counts = new EnumMap<>(Refusal.class);
        for (Refusal refusal : Refusal.values()) {
            counts.put(refusal, endpoint().refusals(refusal));
        }
        return counts;
    }

    // --- TLS: SNI

    @Test
    void aHandshakeWithoutSniOrWithAnotherNameFails() throws Exception {
        int before = endpoint().handshakesRefused();
        assertThrows(SSLHandshakeException.class, () -> handshake(null));
        // both names are on the server certificate (by wildcard or directly): the endpoint itself refuses them
        assertThrows(SSLHandshakeException.class, () -> handshake("other-ats.iot.eu-west-1.amazonaws.com"));
        assertThrows(SSLHandshakeException.class, () -> handshake(TestPki.CLOUD_API_HOST));
        assertEquals(before + 3, endpoint().handshakesRefused());
        handshake(TestPki.IOT_ENDPOINT);
        assertEquals(before + 3, endpoint().handshakesRefused());
    }

    /** A bare TLS handshake to the endpoint with the given SNI (null: none), without host name verification. */
    private static void handshake(@Nullable String serverName) throws Exception {
        try (SSLSocket socket = (SSLSocket) TestPki.get().clientContext().getSocketFactory().createSocket("127.0.0.1",
                endpoint().port())) {
            socket.setSoTimeout(5000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        }
    }

    @Test
    void theBindingReportsAForeignSniRefusalAsAHandshakeFailure() {
        IotAuthority.Grant grant = grant();
        int before = endpoint().handshakesRefused();
        IotCredentials wrongHost = new IotCredentials(TestPki.UNCERTIFIED_HOST, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature());
        try (CloudMqttConnection connection = new CloudMqttConnection(world().device().topics(), wrongHost,
                new Listener(), SCHEDULER, settings())) {
            TransportException e = assertThrows(TransportException.class, connection::connect);
            assertEquals("TLS: handshake failed", e.reason());
        }
        assertEquals(before + 1, endpoint().handshakesRefused());
    }

    // --- the WebSocket upgrade

    @Test
    void anUpgradeWithoutTheMqttSubProtocolGets400() {
        IotAuthority.Grant grant = grant();
        int before = endpoint().refusals(Refusal.SUB_PROTOCOL);
        assertEquals(400, upgradeStatus(authorized(jdkWebSocket(), grant)));
        assertEquals(400, upgradeStatus(authorized(jdkWebSocket().subprotocols("mqttv3.1"), grant)));
        assertEquals(before + 2, endpoint().refusals(Refusal.SUB_PROTOCOL));
    }

    @Test
    void authorizerRefusalsAreAll403() {
        IotAuthority.Grant grant = grant();
        IotAuthority.Grant foreign = new IotAuthority().issue(grant.serial());
        int before = endpoint().upgradesRefused();
        int authorizerBefore = endpoint().refusals(Refusal.AUTHORIZER);
        WebSocket.Builder missing = jdkWebSocket().subprotocols("mqtt");
        WebSocket.Builder misnamed = jdkWebSocket().subprotocols("mqtt").header("tokn", grant.tokenValue())
                .header(AwsIotEndpointStandIn.NAME_HEADER, grant.authorizerName())
                .header(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
        WebSocket.Builder wrongName = jdkWebSocket().subprotocols("mqtt").header(grant.tokenKey(), grant.tokenValue())
                .header(AwsIotEndpointStandIn.NAME_HEADER, "another-authorizer")
                .header(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
        for (WebSocket.Builder refused : List.of(missing, misnamed, wrongName,
                authorized(jdkWebSocket().subprotocols("mqtt"), foreign))) {
            assertEquals(403, upgradeStatus(refused));
        }
        assertEquals(before + 4, endpoint().upgradesRefused());
        assertEquals(authorizerBefore + 4, endpoint().refusals(Refusal.AUTHORIZER));
    }

    private static WebSocket.Builder jdkWebSocket() {
        return HttpClient.newBuilder().sslContext(TestPki.get().clientContext()).connectTimeout(Duration.ofSeconds(5))
                .build().newWebSocketBuilder();
    }

    private static WebSocket.Builder authorized(WebSocket.Builder builder, IotAuthority.Grant grant) {
        return builder.header(grant.tokenKey(), grant.tokenValue())
                .header(AwsIotEndpointStandIn.NAME_HEADER, grant.authorizerName())
                .header(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
    }

    private static int upgradeStatus(WebSocket.Builder builder) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> builder.buildAsync(uri(), new WebSocket.Listener() {
                }).join());
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    // --- the CONNECT

    @Test
    void mqtt31IsRefused() throws Exception {
        assertConnectRefused(Refusal.PROTOCOL_VERSION,
                options -> options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1));
    }

    @Test
    void aSessionThatIsNotCleanIsRefused() throws Exception {
        assertConnectRefused(Refusal.CLEAN_SESSION, options -> options.setCleanSession(false));
    }

    @Test
    void aUserNameOrPasswordIsRefused() throws Exception {
        assertConnectRefused(Refusal.CREDENTIALS, options -> options.setUserName("user"));
        assertConnectRefused(Refusal.CREDENTIALS, options -> {
            options.setUserName("user");
            options.setPassword("secret".toCharArray());
        });
    }

    @Test
    void aKeepAliveOutside30To1200IsRefused() throws Exception {
        assertConnectRefused(Refusal.KEEP_ALIVE, options -> options.setKeepAliveInterval(10));
        assertConnectRefused(Refusal.KEEP_ALIVE, options -> options.setKeepAliveInterval(1300));
        assertConnectRefused(Refusal.KEEP_ALIVE, options -> options.setKeepAliveInterval(0));
    }

    @Test
    void aKeepAliveAtTheLimitsIsAdmitted() throws Exception {
        for (int keepAlive : new int[] { 30, 1200 }) {
            IotAuthority.Grant grant = grant();
            MqttConnectOptions options = compliant(grant);
            options.setKeepAliveInterval(keepAlive);
            MqttAsyncClient client = rawClient(grant.clientId());
            client.connect(options).waitForCompletion(WAIT.toMillis());
            assertTrue(client.isConnected());
        }
    }

    @Test
    void anotherClientIdThanTheGrantsIsRefused() throws Exception {
        IotAuthority.Grant grant = grant();
        assertConnectRefused(Refusal.CLIENT_ID, grant, "prefix-" + grant.clientId(), options -> {
        });
        IotAuthority.Grant other = grant();
        assertConnectRefused(Refusal.CLIENT_ID, grant, other.clientId(), options -> {
        });
    }

    @Test
    void aFirstPacketThatIsNoConnectIsRefused() throws Exception {
        int before = endpoint().refusals(Refusal.NOT_A_CONNECT);
        int admitted = endpoint().connectsAdmitted();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = authorized(jdkWebSocket().subprotocols("mqtt"), grant()).buildAsync(uri(),
                new WebSocket.Listener() {
                    @Override
                    public @Nullable CompletionStage<?> onClose(@Nullable WebSocket webSocket, int statusCode,
                            @Nullable String reason) {
                        closed.complete("close " + statusCode);
                        return null;
                    }

                    @Override
                    public void onError(@Nullable WebSocket webSocket, @Nullable Throwable error) {
                        closed.complete("error " + error);
                    }
                }).join();
        socket.sendBinary(ByteBuffer.wrap(new byte[] { (byte) 0xC0, 0x00 }), true); // PINGREQ
        assertNotNull(closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(before + 1, endpoint().refusals(Refusal.NOT_A_CONNECT));
        assertEquals(admitted, endpoint().connectsAdmitted());
    }

    private void assertConnectRefused(Refusal reason, Consumer<MqttConnectOptions> violation) throws Exception {
        IotAuthority.Grant grant = grant();
        assertConnectRefused(reason, grant, grant.clientId(), violation);
    }

    /** Upgrades with {@code grant}, then CONNECTs as {@code clientId} with one rule broken: dropped, not relayed. */
    private void assertConnectRefused(Refusal reason, IotAuthority.Grant grant, String clientId,
            Consumer<MqttConnectOptions> violation) throws Exception {
        int before = endpoint().refusals(reason);
        int refused = endpoint().connectsRefused();
        int upgrades = endpoint().upgradesAccepted();
        int admitted = endpoint().connectsAdmitted();
        MqttConnectOptions options = compliant(grant);
        violation.accept(options);
        MqttAsyncClient client = rawClient(clientId);
        assertThrows(MqttException.class, () -> client.connect(options).waitForCompletion(WAIT.toMillis()));
        assertFalse(client.isConnected());
        assertEquals(upgrades + 1, endpoint().upgradesAccepted(), "the upgrade itself was fine");
        assertEquals(before + 1, endpoint().refusals(reason));
        assertEquals(refused + 1, endpoint().connectsRefused());
        assertEquals(admitted, endpoint().connectsAdmitted(), "nothing relayed to the broker");
    }

    /** What the binding sends (§3.1): MQTT 3.1.1, clean session, keep-alive 60 s, the three authorizer headers. */
    private static MqttConnectOptions compliant(IotAuthority.Grant grant) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout(5);
        options.setSocketFactory(TestPki.get().clientContext().getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        Properties headers = new Properties();
        headers.setProperty(grant.tokenKey(), grant.tokenValue());
        headers.setProperty(AwsIotEndpointStandIn.NAME_HEADER, grant.authorizerName());
        headers.setProperty(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
        options.setCustomWebSocketHeaders(headers);
        return options;
    }

    private MqttAsyncClient rawClient(String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri().toString(), clientId, new MemoryPersistence());
        opened.add(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(100, 1000);
                }
            } finally {
                client.close(true);
            }
        });
        return client;
    }

    // --- sessions

    @Test
    void aSecondConnectionWithTheSameClientIdDropsTheFirst() throws Exception {
        IotAuthority.Grant grant = grant();
        int before = endpoint().sessionsDropped(Drop.TAKEN_OVER);
        Listener first = new Listener();
        CloudMqttConnection older = connectedBinding(grant, first);
        Listener second = new Listener();
        CloudMqttConnection newer = connectedBinding(grant, second);
        await().atMost(WAIT).until(() -> !first.lost.isEmpty());
        assertFalse(older.isConnected());
        assertTrue(newer.isConnected());
        assertEquals(List.of(), second.lost);
        assertEquals(before + 1, endpoint().sessionsDropped(Drop.TAKEN_OVER));
        assertEquals(1, endpoint().liveSessions());
    }

    @Test
    void aSessionIsDroppedAfterTheMaximumSessionDuration() throws Exception {
        int before = endpoint().sessionsDropped(Drop.MAX_DURATION);
        endpoint().maxSessionDuration(Duration.ofMillis(1500));
        Listener listener = new Listener();
        long start = System.nanoTime();
        CloudMqttConnection connection = connectedBinding(grant(), listener);
        await().atMost(WAIT).until(() -> !listener.lost.isEmpty());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500), "not before its time");
        assertFalse(connection.isConnected());
        assertEquals(List.of("connection to the cloud endpoint lost"), listener.lost);
        assertEquals(before + 1, endpoint().sessionsDropped(Drop.MAX_DURATION));
    }

    @Test
    void theMaximumSessionDurationMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> endpoint().maxSessionDuration(Duration.ZERO));
        assertEquals(AwsIotEndpointStandIn.AWS_MAX_SESSION_DURATION, endpoint().maxSessionDuration());
    }

    @Test
    void dropSessionsDropsEveryLiveSession() throws Exception {
        int before = endpoint().sessionsDropped(Drop.ON_REQUEST);
        Listener one = new Listener();
        Listener two = new Listener();
        connectedBinding(grant(), one);
        connectedBinding(grant(), two);
        assertEquals(2, endpoint().liveSessions());
        assertEquals(2, endpoint().dropSessions());
        await().atMost(WAIT).until(() -> !one.lost.isEmpty() && !two.lost.isEmpty());
        assertEquals(0, endpoint().liveSessions());
        assertEquals(before + 2, endpoint().sessionsDropped(Drop.ON_REQUEST));
        assertEquals(0, endpoint().dropSessions(), "nothing left to drop");
    }
}
