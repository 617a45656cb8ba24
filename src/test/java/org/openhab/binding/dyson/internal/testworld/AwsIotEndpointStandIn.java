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
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/**
 * Stands in for the AWS IoT endpoint {@value TestPki#IOT_ENDPOINT}: Jetty 9.4 with TLS from {@link TestPki} on
 * 127.0.0.1, a WebSocket mapping at {@code /mqtt} (sub-protocol {@code mqtt}) that admits an upgrade only when the
 * three custom-authorizer headers match a grant of the {@link IotAuthority} (401 when one is missing, 403 when
 * wrong), then relays the MQTT bytes to the {@link EmbeddedBroker} over a loopback socket. A CONNECT whose client id
 * differs from the grant's is refused by closing the connection, as AWS does. Restartable on the same port.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class AwsIotEndpointStandIn implements AutoCloseable {

    public static final String THREAD_NAME_PREFIX = "aws-iot-standin";
    static final String NAME_HEADER = "X-Amz-CustomAuthorizer-Name";
    static final String SIGNATURE_HEADER = "X-Amz-CustomAuthorizer-Signature";

    private final IotAuthority authority;
    private final int brokerPort;
    private final AtomicInteger upgradesAccepted = new AtomicInteger();
    private final AtomicInteger upgradesRefused = new AtomicInteger();
    private final AtomicInteger connectsRefused = new AtomicInteger();
    private final Deque<Integer> forcedRefusals = new ConcurrentLinkedDeque<>();
    private final Set<Socket> relaySockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME_PREFIX + "-pump");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable Server server;
    private int port;

    public AwsIotEndpointStandIn(IotAuthority authority, int brokerPort) {
        this.authority = authority;
        this.brokerPort = brokerPort;
    }

    /** Listens on {@code fixedPort} from the next start on (0: a free port picked by the system). */
    public synchronized AwsIotEndpointStandIn onPort(int fixedPort) {
        port = fixedPort;
        return this;
    }

    /** Starts on a free port (or the one set by {@link #onPort}) the first time, on the same port afterwards. */
    public synchronized AwsIotEndpointStandIn start() throws Exception {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName(THREAD_NAME_PREFIX);
        Server newServer = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(TestPki.get().serverKeyStore());
        tls.setKeyStorePassword(TestPki.get().keyStorePassword());
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

    /** Stops the endpoint: open relays are cut, new connections are refused until {@link #start()}. */
    public synchronized void stop() throws Exception {
        Server current = server;
        server = null;
        for (Socket socket : relaySockets) {
            closeQuietly(socket);
        }
        if (current != null) {
            current.stop();
        }
    }

    public int port() {
        return port;
    }

    /**
     * Refuses the next {@code times} upgrades with {@code status} whatever their headers (fault tests: 401 as for
     * missing authorizer headers, 403 as for a revoked grant or a wrong signature).
     */
    public void refuseNextUpgrades(int status, int times) {
        for (int i = 0; i < times; i++) {
            forcedRefusals.add(status);
        }
    }

    public int upgradesAccepted() {
        return upgradesAccepted.get();
    }

    public int upgradesRefused() {
        return upgradesRefused.get();
    }

    /** CONNECTs refused because their client id was not the grant's. */
    public int connectsRefused() {
        return connectsRefused.get();
    }

    @Override
    public void close() throws Exception {
        stop();
        pumps.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Checks the custom-authorizer headers on the upgrade request. */
    private @Nullable Object createEndpoint(ServletUpgradeRequest request, ServletUpgradeResponse response) {
        String name = request.getHeader(NAME_HEADER);
        String token = request.getHeader(IotAuthority.TOKEN_KEY);
        String signature = request.getHeader(SIGNATURE_HEADER);
        try {
            Integer forced = forcedRefusals.poll();
            if (forced != null) {
                upgradesRefused.incrementAndGet();
                response.sendError(forced, forced == 401 ? "Unauthorized" : "Forbidden");
                return null;
            }
            if (name == null || token == null || signature == null) {
                upgradesRefused.incrementAndGet();
                response.sendError(401, "Unauthorized");
                return null;
            }
            Optional<IotAuthority.Grant> grant = authority.check(name, token, signature);
            if (grant.isEmpty()) {
                upgradesRefused.incrementAndGet();
                response.sendError(403, "Forbidden");
                return null;
            }
            if (request.getSubProtocols().contains("mqtt")) {
                response.setAcceptedSubProtocol("mqtt");
            }
            upgradesAccepted.incrementAndGet();
            return new RelayEndpoint(grant.get().clientId());
        } catch (IOException e) {
            return null;
        }
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
        private @Nullable Session session;
        private @Nullable Socket broker;
        private boolean connectChecked;

        RelayEndpoint(String grantedClientId) {
            this.grantedClientId = grantedClientId;
        }

        @Override
        public void onWebSocketConnect(@Nullable Session newSession) {
            if (newSession == null) {
                return;
            }
            session = newSession;
            try {
                Socket socket = new Socket("127.0.0.1", brokerPort);
                socket.setTcpNoDelay(true);
                broker = socket;
                relaySockets.add(socket);
                pumps.execute(() -> pumpToClient(socket, newSession));
            } catch (IOException e) {
                newSession.close(StatusCode.SERVER_ERROR, "broker unavailable");
            }
        }

        private void pumpToClient(Socket socket, Session client) {
            byte[] buffer = new byte[16384];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    client.getRemote().sendBytes(ByteBuffer.wrap(buffer, 0, n));
                }
            } catch (IOException e) {
                // broker side closed
            } finally {
                relaySockets.remove(socket);
                client.close();
            }
        }

        @Override
        public void onWebSocketBinary(byte @Nullable [] payload, int offset, int length) {
            Socket socket = broker;
            Session current = session;
            if (payload == null || socket == null || current == null) {
                return;
            }
            try {
                OutputStream out = socket.getOutputStream();
                if (connectChecked) {
                    out.write(payload, offset, length);
                    return;
                }
                pending.write(payload, offset, length);
                String clientId = MqttConnectPacket.clientId(pending.toByteArray());
                if (clientId == null) {
                    return;
                }
                if (!clientId.equals(grantedClientId)) {
                    connectsRefused.incrementAndGet();
                    closeQuietly(socket);
                    current.close(StatusCode.POLICY_VIOLATION, "client id not allowed");
                    return;
                }
                connectChecked = true;
                out.write(pending.toByteArray());
                out.flush();
            } catch (IOException e) {
                closeQuietly(socket);
                current.close();
            }
        }

        @Override
        public void onWebSocketText(@Nullable String message) {
        }

        @Override
        public void onWebSocketClose(int statusCode, @Nullable String reason) {
            Socket socket = broker;
            if (socket != null) {
                relaySockets.remove(socket);
                closeQuietly(socket);
            }
        }

        @Override
        public void onWebSocketError(@Nullable Throwable cause) {
            onWebSocketClose(StatusCode.ABNORMAL, null);
        }
    }

    /** Reads the client id out of an MQTT 3.1/3.1.1 CONNECT packet. */
    static final class MqttConnectPacket {

        private MqttConnectPacket() {
        }

        /** The client id, or null while the packet is incomplete; "" for anything that is not a CONNECT. */
        static @Nullable String clientId(byte[] data) {
            if (data.length < 2) {
                return null;
            }
            if ((data[0] & 0xF0) != 0x10) {
                return "";
            }
            int remaining = 0;
            int multiplier = 1;
            int index = 1;
            while (true) {
                if (index >= data.length) {
                    return null;
                }
                int digit = data[index++] & 0xFF;
                remaining += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0) {
                    break;
                }
            }
            if (data.length < index + remaining) {
                return null;
            }
            int protocolNameLength = u16(data, index);
            int clientIdAt = index + 2 + protocolNameLength + 1 + 1 + 2;
            if (clientIdAt + 2 > index + remaining) {
                return "";
            }
            int clientIdLength = u16(data, clientIdAt);
            if (clientIdAt + 2 + clientIdLength > index + remaining) {
                return "";
            }
            return new String(data, clientIdAt + 2, clientIdLength, StandardCharsets.UTF_8);
        }

        private static int u16(byte[] data, int at) {
            return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
        }
    }
}
