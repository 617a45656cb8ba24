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
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/**
 * Stands in for the AWS IoT endpoint {@value TestPki#IOT_ENDPOINT}, as strict as AWS IoT with Dyson's custom
 * authorizer (protocol notes §3.1, §3.5): Jetty 9.4 on 127.0.0.1 with TLS from {@link TestPki}, a WebSocket mapping
 * at {@code /mqtt}, and a relay of the MQTT bytes to the {@link EmbeddedBroker} over a loopback socket.
 * <ul>
 * <li>TLS: the handshake fails without SNI or with another name than the endpoint's ({@link Refusal#SNI}).</li>
 * <li>Upgrade: 400 without sub-protocol {@code mqtt}; 403 unless the three custom-authorizer headers match a valid
 * grant of the {@link IotAuthority} (missing, misnamed, wrong or revoked alike).</li>
 * <li>First MQTT packet: a CONNECT of MQTT 3.1.1 with clean session, no user name or password, keep-alive within
 * {@value #MIN_KEEP_ALIVE}..{@value #MAX_KEEP_ALIVE} s and the grant's client id; anything else is dropped without
 * being relayed.</li>
 * <li>Sessions: a second CONNECT with a live client id drops the older session; a session is dropped after
 * {@link #maxSessionDuration(Duration)} (24 h by default); {@link #dropSessions()} drops all now.</li>
 * </ul>
 * Restartable on the same port.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class AwsIotEndpointStandIn implements AutoCloseable {

    public static final String THREAD_NAME_PREFIX = "aws-iot-standin";
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long SEND_TIMEOUT_SECONDS = 10;
    public static final String SUB_PROTOCOL = "mqtt";
    public static final int MIN_KEEP_ALIVE = 30;
    public static final int MAX_KEEP_ALIVE = 1200;
    public static final Duration AWS_MAX_SESSION_DURATION = Duration.ofHours(24);
    static final String NAME_HEADER = "X-Amz-CustomAuthorizer-Name";
    static final String SIGNATURE_HEADER = "X-Amz-CustomAuthorizer-Signature";

    /** Why a connection was refused, in the order the checks run. */
    public enum Refusal {
        /** TLS handshake without SNI or with another host name. */
        SNI,
        /** Upgrade without the WebSocket sub-protocol {@code mqtt} (HTTP 400). */
        SUB_PROTOCOL,
        /** Upgrade whose authorizer headers are missing or match no valid grant (HTTP 403). */
        AUTHORIZER,
        /** First packet is no well-formed CONNECT. */
        NOT_A_CONNECT,
        /** CONNECT of another protocol than MQTT 3.1.1 (name {@code MQTT}, level 4). */
        PROTOCOL_VERSION,
        /** CONNECT with a user name or password. */
        CREDENTIALS,
        /** CONNECT without the clean-session flag. */
        CLEAN_SESSION,
        /** CONNECT with a keep-alive outside 30..1200 s. */
        KEEP_ALIVE,
        /** CONNECT with another client id than the grant's. */
        CLIENT_ID;

        boolean onConnect() {
            return ordinal() >= NOT_A_CONNECT.ordinal();
        }

        boolean onUpgrade() {
            return this == SUB_PROTOCOL || this == AUTHORIZER;
        }
    }

    /** Why an admitted session was dropped by the endpoint. */
    public enum Drop {
        /** A newer connection connected with the same client id. */
        TAKEN_OVER,
        /** The session reached the maximum session duration. */
        MAX_DURATION,
        /** {@link #dropSessions()}. */
        ON_REQUEST
    }

    private final IotAuthority authority;
    private final int brokerPort;
    private final AtomicInteger upgradesAccepted = new AtomicInteger();
    private final Deque<Integer> forcedRefusals = new ConcurrentLinkedDeque<>();
    private final AtomicInteger connectsAdmitted = new AtomicInteger();
    private final Map<Refusal, AtomicInteger> refusals = counters(Refusal.class);
    private final Map<Drop, AtomicInteger> drops = counters(Drop.class);
    private final Set<RelayEndpoint> relays = ConcurrentHashMap.newKeySet();
    private final Map<String, RelayEndpoint> sessionsByClientId = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME_PREFIX + "-pump");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME_PREFIX + "-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration maxSessionDuration = AWS_MAX_SESSION_DURATION;
    private @Nullable Server server;
    private int port;

    public AwsIotEndpointStandIn(IotAuthority authority, int brokerPort) {
        this.authority = authority;
        this.brokerPort = brokerPort;
    }

    private static <E extends Enum<E>> Map<E, AtomicInteger> counters(Class<E> type) {
        Map<E, AtomicInteger> map = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            map.put(value, new AtomicInteger());
        }
        return Collections.unmodifiableMap(map);
    }

    /** Listens on {@code fixedPort} from the next start on (0: a free port picked by the system). */
    public synchronized AwsIotEndpointStandIn onPort(int fixedPort) {
        port = fixedPort;
        return this;
    }

    /**
     * Drops each session this long after its CONNECT was admitted (AWS: at most 24 h). Applies to sessions that
     * connect afterwards.
     */
    public AwsIotEndpointStandIn maxSessionDuration(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The maximum session duration must be positive");
        }
        maxSessionDuration = duration;
        return this;
    }

    public Duration maxSessionDuration() {
        return maxSessionDuration;
    }

    /** Starts on a free port (or the one set by {@link #onPort}) the first time, on the same port afterwards. */
    public synchronized AwsIotEndpointStandIn start() throws Exception {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName(THREAD_NAME_PREFIX + "-" + INSTANCES.incrementAndGet()); // told apart from other worlds'
        Server newServer = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(tlsContext());
        ServerConnector connector = new ServerConnector(newServer, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setReuseAddress(true);
        newServer.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new RelayServlet()), "/mqtt");
        newServer.setHandler(context);
        newServer.setStopTimeout(500);
        newServer.start();
        port = connector.getLocalPort();
        server = newServer;
        return this;
    }

    /** The test PKI's server certificate, offered only to clients that ask for the endpoint's name by SNI. */
    private SSLContext tlsContext() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(TestPki.get().serverKeyStore(), TestPki.get().keyStorePassword().toCharArray());
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] { new ExactSniKeyManager(keys, TestPki.IOT_ENDPOINT,
                () -> refusals.get(Refusal.SNI).incrementAndGet()) }, null, null);
        return context;
    }

    /** Stops the endpoint: open relays are cut, new connections are refused until {@link #start()}. */
    public synchronized void stop() throws Exception {
        Server current = server;
        server = null;
        for (RelayEndpoint relay : relays) {
            relay.end();
        }
        if (current != null) {
            current.stop();
        }
    }

    /** Drops every live session now (as AWS may at any time); returns how many were dropped. */
    public int dropSessions() {
        int dropped = 0;
        for (RelayEndpoint relay : List.copyOf(relays)) {
            if (relay.drop(Drop.ON_REQUEST)) {
                dropped++;
            }
        }
        return dropped;
    }

    public int port() {
        return port;
    }

    public int upgradesAccepted() {
        return upgradesAccepted.get();
    }

    /**
     * Refuses the next {@code times} upgrades with {@code status} whatever their headers (fault tests: 401 as a
     * front that wants credentials, 403 as for a revoked grant or a wrong signature).
     */
    public void refuseNextUpgrades(int status, int times) {
        for (int i = 0; i < times; i++) {
            forcedRefusals.add(status);
        }
    }

    /** CONNECTs that passed every rule and were relayed to the broker (refused ones never reach it). */
    public int connectsAdmitted() {
        return connectsAdmitted.get();
    }

    /** Upgrades refused with an HTTP error (no sub-protocol {@code mqtt}, authorizer headers). */
    public int upgradesRefused() {
        return sum(refusals, Refusal::onUpgrade);
    }

    /** Connections dropped at their first MQTT packet (any CONNECT rule: version, flags, keep-alive, client id). */
    public int connectsRefused() {
        return sum(refusals, Refusal::onConnect);
    }

    /** TLS handshakes refused for their SNI. */
    public int handshakesRefused() {
        return refusals(Refusal.SNI);
    }

    /** Connections refused for one reason. */
    public int refusals(Refusal reason) {
        return refusals.get(reason).get();
    }

    /** Admitted sessions dropped for one reason. */
    public int sessionsDropped(Drop reason) {
        return drops.get(reason).get();
    }

    /** Sessions whose CONNECT was admitted and that are still open. */
    public int liveSessions() {
        return sessionsByClientId.size();
    }

    private static <E> int sum(Map<E, AtomicInteger> counters, Predicate<E> which) {
        return counters.entrySet().stream().filter(e -> which.test(e.getKey())).mapToInt(e -> e.getValue().get())
                .sum();
    }

    @Override
    public void close() throws Exception {
        stop();
        pumps.shutdownNow();
        timers.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Checks the sub-protocol and the custom-authorizer headers on the upgrade request (§3.5: 403 for all). */
    private @Nullable Object createEndpoint(ServletUpgradeRequest request, ServletUpgradeResponse response) {
        try {
            if (!request.getSubProtocols().contains(SUB_PROTOCOL)) {
                refusals.get(Refusal.SUB_PROTOCOL).incrementAndGet();
                response.sendError(400, "Bad Request");
                return null;
            }
            Integer forced = forcedRefusals.poll();
            if (forced != null) {
                refusals.get(Refusal.AUTHORIZER).incrementAndGet();
                response.sendError(forced, forced == 401 ? "Unauthorized" : "Forbidden");
                return null;
            }
            Optional<IotAuthority.Grant> grant = authority.check(request.getHeader(NAME_HEADER),
                    request.getHeader(IotAuthority.TOKEN_KEY), request.getHeader(SIGNATURE_HEADER));
            if (grant.isEmpty()) {
                refusals.get(Refusal.AUTHORIZER).incrementAndGet();
                response.sendError(403, "Forbidden");
                return null;
            }
            response.setAcceptedSubProtocol(SUB_PROTOCOL);
            upgradesAccepted.incrementAndGet();
            return new RelayEndpoint(grant.get().clientId());
        } catch (IOException e) {
            return null;
        }
    }

    /** The first rule a CONNECT breaks, or null when it may pass. */
    private static @Nullable Refusal check(MqttConnectPacket connect, String grantedClientId) {
        if (!"MQTT".equals(connect.protocolName()) || connect.level() != 4) {
            return Refusal.PROTOCOL_VERSION;
        }
        if (connect.userName() || connect.password()) {
            return Refusal.CREDENTIALS;
        }
        if (!connect.cleanSession()) {
            return Refusal.CLEAN_SESSION;
        }
        if (connect.keepAliveSeconds() < MIN_KEEP_ALIVE || connect.keepAliveSeconds() > MAX_KEEP_ALIVE) {
            return Refusal.KEEP_ALIVE;
        }
        if (!connect.clientId().equals(grantedClientId)) {
            return Refusal.CLIENT_ID;
        }
        return null;
    }

    /** The WebSocket servlet at /mqtt. */
    private final class RelayServlet extends WebSocketServlet {

        private static final long serialVersionUID = 1L;

        @Override
        public void configure(@Nullable WebSocketServletFactory factory) {
            if (factory != null) {
                factory.setCreator(AwsIotEndpointStandIn.this::createEndpoint);
            }
        }
    }

    /** One admitted WebSocket: relays binary frames to and from the broker. Public, or Jetty answers 500. */
    public final class RelayEndpoint implements WebSocketListener {

        private final String grantedClientId;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile @Nullable Session session;
        private volatile @Nullable Socket broker;
        private volatile @Nullable ScheduledFuture<?> expiry;

        RelayEndpoint(String grantedClientId) {
            this.grantedClientId = grantedClientId;
        }

        @Override
        public void onWebSocketConnect(@Nullable Session newSession) {
            if (newSession == null) {
                return;
            }
            session = newSession;
            relays.add(this);
            if (ended.get()) {
                end();
            }
        }

        private void pumpToClient(Socket socket, Session client) {
            byte[] buffer = new byte[16384];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    // bounded: a send that never completes would leave the client connected but deaf
                    client.getRemote().sendBytesByFuture(ByteBuffer.wrap(buffer, 0, n)).get(SEND_TIMEOUT_SECONDS,
                            TimeUnit.SECONDS);
                }
            } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
                // broker side closed, or the client side cannot take the data
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                end();
            }
        }

        @Override
        public void onWebSocketBinary(byte @Nullable [] payload, int offset, int length) {
            Session client = session;
            if (payload == null || client == null || ended.get()) {
                return;
            }
            try {
                Socket socket = broker;
                if (socket != null) {
                    socket.getOutputStream().write(payload, offset, length);
                    return;
                }
                pending.write(payload, offset, length);
                MqttConnectPacket connect;
                Refusal refusal;
                try {
                    connect = MqttConnectPacket.parse(pending.toByteArray());
                    if (connect == null) {
                        return;
                    }
                    refusal = check(connect, grantedClientId);
                } catch (IllegalArgumentException e) {
                    connect = null;
                    refusal = Refusal.NOT_A_CONNECT;
                }
                if (connect == null || refusal != null) {
                    refusals.get(refusal == null ? Refusal.NOT_A_CONNECT : refusal).incrementAndGet();
                    end();
                    return;
                }
                admit(connect.clientId(), client);
            } catch (IOException e) {
                end();
            }
        }

        /**
         * Opens the relay to the broker and passes the CONNECT on, takes over the client id (dropping an older
         * session with it) and starts the session clock.
         */
        private void admit(String clientId, Session client) throws IOException {
            connectsAdmitted.incrementAndGet();
            RelayEndpoint older = sessionsByClientId.put(clientId, this);
            if (older != null && older != this) {
                older.drop(Drop.TAKEN_OVER);
            }
            Socket socket = new Socket("127.0.0.1", brokerPort);
            socket.setTcpNoDelay(true);
            broker = socket;
            try {
                pumps.execute(() -> pumpToClient(socket, client));
                expiry = timers.schedule(() -> drop(Drop.MAX_DURATION), maxSessionDuration.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                end(); // the stand-in is closing
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(pending.toByteArray());
            out.flush();
            if (ended.get()) {
                end();
            }
        }

        /** Drops this session as AWS does (the connection just closes); false if it had ended already. */
        boolean drop(Drop reason) {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            drops.get(reason).incrementAndGet();
            end();
            return true;
        }

        /** Closes both sides; safe to call more than once. */
        void end() {
            ended.set(true);
            relays.remove(this);
            sessionsByClientId.remove(grantedClientId, this);
            ScheduledFuture<?> clock = expiry;
            if (clock != null) {
                clock.cancel(false);
            }
            Socket socket = broker;
            if (socket != null) {
                closeQuietly(socket);
            }
            Session current = session;
            if (current != null && current.isOpen()) {
                try {
                    current.disconnect();
                } catch (IOException e) {
                    // gone anyway
                }
            }
        }

        @Override
        public void onWebSocketText(@Nullable String message) {
            end();
        }

        @Override
        public void onWebSocketClose(int statusCode, @Nullable String reason) {
            end();
        }

        @Override
        public void onWebSocketError(@Nullable Throwable cause) {
            end();
        }
    }
}
