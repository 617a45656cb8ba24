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

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.protocol.MessageFactory;
import org.openhab.binding.dyson.internal.util.Backoff;
import org.openhab.binding.dyson.internal.util.ConnectPacer;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Keeps one device reachable: picks the transport (local MQTT or AWS IoT), falls back to the other one, returns to
 * the preferred one when it has been up for a while, reconnects with exponential back-off and tells its listener
 * what happened. After every (re)connect it sends REQUEST-CURRENT-STATE,
 * REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA and REQUEST-CURRENT-FAULTS itself (a robot vacuum gets the first
 * only); periodic polling is the caller's business ({@link #requestCurrentData()}).
 * <p>
 * Its states and their transitions are the table of {@link LinkState}; every transition is logged at DEBUG with its
 * reason. The order of the transports and the reasons for the first choice are {@link TransportChoice}'s: the
 * preferred path first, the other one as fallback ({@code auto}, {@code local-first}, {@code cloud-first}); a path that
 * is not possible is left out. {@link TransportMode#LOCAL} and {@link TransportMode#CLOUD} use one transport only.
 * <p>
 * Recovery: the back-off starts from the beginning only after a connection proved healthy (it delivered data and
 * stayed up for {@link LinkSettings.Recovery#healthyAfter()}); after two connections in a row that dropped within
 * {@link #QUICK_DROP} of connecting, the next one must get healthy before the link reports it up, so the thing does
 * not flap. A connection whose device says nothing for
 * {@link LinkSettings.Recovery#silenceLimit()} is dropped and made again. While the device cannot be reached at
 * all, a cheap TCP probe checks every few seconds whether it is back, and a reconnect starts as soon as it is;
 * {@link #wakeUp(String)} (an mDNS announcement) does the same.
 * <p>
 * Threads: every step runs on this link's own queue on the binding's {@link NetworkWorkers}, one step at a time, so
 * connects and cloud calls never wait on openHAB's shared threads; the scheduler only times the steps (and runs
 * Paho's keep-alive pings). Paho owns three threads per connection (four over WSS).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceLink implements AutoCloseable {

    /** Commands that did not reach the device before a connection loss are sent again if it is back this soon. */
    static final Duration RESEND_WITHIN = Duration.ofSeconds(60);
    /** After this long without a connection, full connect attempts are at least {@link #CALM_GAP} apart. */
    static final Duration CALM_AFTER = Duration.ofMinutes(1);
    static final Duration CALM_GAP = Duration.ofSeconds(30);
    /** This many connections in a row that dropped soon after connecting make a flapping link. */
    private static final int FLAPPING_DROPS = 2;
    /** A connection that drops within this time of connecting counts as dropped soon after connecting. */
    static final Duration QUICK_DROP = Duration.ofSeconds(10);
    /** What the link reports while flapping, the same on every drop, so that the thing's status stays put. */
    static final String UNSTABLE = "connection unstable: it drops soon after connecting; waiting until it stays up";
    /** How often a new connection asks for the state within the first-answer time-out. */
    private static final int ASKS = 10;
    private static final int MAX_UNDELIVERED = 20;
    private static final int KEPT_ATTEMPTS = 100;
    private static final int PROBE_TIMEOUT_MILLIS = 1000;
    private static final Duration WAKE_UP_GAP = Duration.ofSeconds(5);
    /** What a device says about its own link to the broker (on {@code status/connection}; robots: {@code status}). */
    private static final Set<String> CONNECTION_MESSAGES = Set.of("HELLO", "GOODBYE", "GONE-AWAY", "IM-BACK");

    private final Logger logger = LoggerFactory.getLogger(DeviceLink.class);
    private final DeviceEndpoint endpoint;
    private final DeviceTopics topics;
    private final CredentialsSource credentials;
    private final DeviceLinkListener listener;
    private final ScheduledExecutorService scheduler;
    private final Executor steps;
    private final ConnectPacer pacer;
    private final LinkSettings settings;
    private final LinkSettings.Recovery recovery;
    private final Backoff backoff;
    /** Failures to get cloud credentials (the Dyson API) have their own back-off: they say nothing of the device. */
    private final Backoff credentialsBackoff;
    private final MessageFactory messages = new MessageFactory();
    private final LinkObserver observer;

    // guarded by this
    private LinkState state = LinkState.IDLE;
    private @Nullable String host;
    private final Set<DeviceConnection> connecting = new HashSet<>();
    private @Nullable Session active;
    private @Nullable Session candidate;
    private final List<ScheduledFuture<?>> stateTimers = new ArrayList<>();
    private final List<ScheduledFuture<?>> sessionTimers = new ArrayList<>();
    private @Nullable InetSocketAddress unreachable;
    private long outageStartNanos;
    private long lastWakeUpNanos;
    private int quickDrops;
    /** The device has answered over this link at least once. */
    private boolean pathWorked;
    private @Nullable Boolean deviceOnline;
    private String lastReport = "";
    private final List<Undelivered> undelivered = new ArrayList<>();
    private final Deque<Long> attemptNanos = new ArrayDeque<>();

    public DeviceLink(DeviceEndpoint endpoint, CredentialsSource credentials, DeviceLinkListener listener,
            ScheduledExecutorService scheduler, NetworkWorkers workers, LinkSettings settings) {
        this(endpoint, credentials, listener, scheduler, workers, settings, LinkObserver.NONE);
    }

    /** @param observer sees every transition, transport report and message (diagnostics); must never block */
    public DeviceLink(DeviceEndpoint endpoint, CredentialsSource credentials, DeviceLinkListener listener,
            ScheduledExecutorService scheduler, NetworkWorkers workers, LinkSettings settings,
            LinkObserver observer) {
        this.endpoint = endpoint;
        this.observer = observer;
        this.host = endpoint.host();
        this.topics = endpoint.topics();
        this.credentials = credentials;
        this.listener = listener;
        this.scheduler = scheduler;
        this.steps = workers.serial();
        this.pacer = workers.connectPacer();
        this.settings = settings;
        this.recovery = settings.recovery();
        this.backoff = settings.newBackoff();
        this.credentialsBackoff = settings.newBackoff();
    }

    /** Starts connecting (on the link's queue, at once). */
    public void start() {
        steps.execute(() -> {
            if (transition(LinkState.CONNECTING, "start")) {
                connectCycle();
            }
        });
    }

    /** The state of the link. */
    public synchronized LinkState state() {
        return state;
    }

    /** When the last (at most {@value #KEPT_ATTEMPTS}) full connect attempts started, by {@link System#nanoTime()}. */
    public synchronized List<Long> connectAttemptNanos() {
        return List.copyOf(attemptNanos);
    }

    private synchronized void recordAttempt() {
        if (attemptNanos.size() == KEPT_ATTEMPTS) {
            attemptNanos.removeFirst();
        }
        attemptNanos.addLast(System.nanoTime());
    }

    /** The transport in use, {@link TransportKind#NONE} while not connected. */
    public synchronized TransportKind transport() {
        Session current = active;
        return current == null ? TransportKind.NONE : current.kind;
    }

    /**
     * The device announced itself (mDNS), possibly at a new address: while the link waits to reconnect, it tries at
     * once (at most every few seconds).
     */
    public void wakeUp(@Nullable String newHost) {
        steps.execute(() -> {
            synchronized (this) {
                if (newHost != null && !newHost.equals(host)) {
                    logger.debug("{}: device announced itself at a new address", topics.serial());
                    host = newHost;
                }
                retryIfWaiting("device announced itself");
            }
        });
    }

    /**
     * Drops the active connection (if any) and connects again at once, with the back-off and the flapping count
     * started afresh (a user asked for it). The listener hears of it as of any other reconnect: first
     * {@code NONE} with {@code reason}, then the transport once the device has answered. Does nothing before
     * {@link #start()} and after {@link #close()}.
     */
    public void reconnectNow(String reason) {
        steps.execute(() -> {
            Session current;
            synchronized (this) {
                if (state == LinkState.IDLE || state == LinkState.CLOSED) {
                    return;
                }
                backoff.reset();
                credentialsBackoff.reset();
                quickDrops = 0;
                outageStartNanos = 0;
                current = active;
            }
            if (current != null) {
                lost(current, reason, false);
            }
            synchronized (this) {
                if (state == LinkState.BACKING_OFF) {
                    logger.debug("{}: reconnecting now: {}", topics.serial(), reason);
                    backoff.reset(); // the drop above counted as a failure
                    retrySoon();
                }
            }
        });
    }

    /**
     * Something the link waits for is back (the account, for cloud credentials): while the link waits to reconnect,
     * it tries at once (at most every few seconds).
     */
    public void retryNow(String why) {
        steps.execute(() -> {
            synchronized (this) {
                retryIfWaiting(why);
            }
        });
    }

    /** While BACKING_OFF, and not within a few seconds of the last such retry: reconnects now. Holds the lock. */
    private void retryIfWaiting(String why) {
        long now = System.nanoTime();
        if (state != LinkState.BACKING_OFF || now - lastWakeUpNanos < WAKE_UP_GAP.toNanos()) {
            return;
        }
        lastWakeUpNanos = now;
        logger.debug("{}: {}, reconnecting now", topics.serial(), why);
        retrySoon();
    }

    /**
     * Publishes a command (JSON) to the device over the active transport. A command that was accepted here but lost
     * with the connection is sent again after a reconnect within {@link #RESEND_WITHIN}, or reported to the
     * listener as undelivered.
     *
     * @return false when no transport is up or the message could not be queued
     */
    public boolean publish(String json) {
        Session current;
        synchronized (this) {
            current = active;
        }
        return current != null && send(current, json);
    }

    /** Publishes on a session's connection and shows what was accepted to the observer. */
    private boolean send(Session session, String json) {
        boolean accepted = session.connection().publish(json);
        if (accepted) {
            observer.messageOut(topics.command(), json);
        }
        return accepted;
    }

    /**
     * Sends the state, environment and faults requests (a robot vacuum: the state request only, it knows no other);
     * false when no transport is up.
     */
    public boolean requestCurrentData() {
        if (topics.robot()) {
            return publish(messages.requestCurrentState());
        }
        boolean sent = publish(messages.requestCurrentState());
        sent &= publish(messages.requestEnvironment());
        return publish(messages.requestCurrentFaults()) && sent;
    }

    /** Stops everything: cancels pending work and closes every connection (bounded wait). Idempotent. */
    @Override
    public void close() {
        List<DeviceConnection> toClose = new ArrayList<>();
        List<Undelivered> dropped;
        synchronized (this) {
            if (state == LinkState.CLOSED) {
                return;
            }
            logger.debug("{}: {} -> {}: closed", topics.serial(), state, LinkState.CLOSED);
            observer.transition(state, LinkState.CLOSED, "closed");
            state = LinkState.CLOSED;
            cancelAll(stateTimers);
            cancelAll(sessionTimers);
            addIfPresent(toClose, active);
            addIfPresent(toClose, candidate);
            toClose.addAll(connecting);
            active = null;
            candidate = null;
            dropped = new ArrayList<>(undelivered);
            undelivered.clear();
        }
        dropped.forEach(command -> listener.onCommandUndelivered(command.json, "the thing was disposed"));
        toClose.forEach(DeviceConnection::close);
    }

    // ---- the state table

    /** Moves to {@code next} if the table allows it (else logs and refuses); the caller holds no lock. */
    private synchronized boolean transition(LinkState next, String reason) {
        if (!state.allows(next)) {
            if (state != LinkState.CLOSED) {
                logger.debug("{}: {} -> {} refused ({})", topics.serial(), state, next, reason);
            }
            return false;
        }
        logger.debug("{}: {} -> {}: {}", topics.serial(), state, next, reason);
        observer.transition(state, next, reason);
        state = next;
        cancelAll(stateTimers);
        return true;
    }

    // ---- connecting

    /** CONNECTING: tries the transports in order of preference; on total failure backs off. */
    private void connectCycle() {
        TransportChoice choice = choice();
        List<TransportKind> plan = choice.order();
        List<String> failures = new ArrayList<>();
        InetSocketAddress unreachableAt = null;
        boolean onlyCredentialsFailed = !plan.isEmpty();
        for (TransportKind kind : plan) {
            recordAttempt();
            try {
                Session session = open(kind);
                String reason = failures.isEmpty() ? choice.reason(kind) : "fallback: " + String.join("; ", failures);
                if (install(session, reason) && kind != plan.get(0)) {
                    schedulePreferredProbe();
                }
                return;
            } catch (TransportException e) {
                logger.debug("{}: {} transport failed: {}", topics.serial(), kind, e.reason());
                if (kind == TransportKind.CLOUD && e.needsFreshCredentials()) {
                    credentials.iotCredentialsRefused();
                }
                failures.add(e.reason());
                onlyCredentialsFailed &= e.isNoConnectionTried();
                if (unreachableAt == null) {
                    unreachableAt = e.unreachableAddress();
                }
            }
        }
        backOff(plan.isEmpty() ? choice.noPathReason() : String.join("; ", failures), unreachableAt,
                onlyCredentialsFailed ? credentialsBackoff : backoff);
    }

    /**
     * Goes to BACKING_OFF: the next cycle after the back-off delay, and reachability probes if nothing answered. After
     * the loss of a connection that worked, the delay never exceeds {@link LinkSettings.Recovery#healthyAfter()}: the
     * path is known to work, so it is tried at least that often (the probes still find a device back sooner).
     */
    private void backOff(String reason, @Nullable InetSocketAddress unreachableAt, Backoff delays) {
        synchronized (this) {
            if (!transition(LinkState.BACKING_OFF, reason)) {
                return;
            }
            if (outageStartNanos == 0) {
                outageStartNanos = System.nanoTime();
            }
            Duration next = delays.nextDelay();
            Duration longest = pathWorked ? recovery.healthyAfter() : settings.backoffMax();
            Duration wanted = next.compareTo(longest) < 0 ? next : longest;
            if (System.nanoTime() - outageStartNanos >= CALM_AFTER.toNanos() && wanted.compareTo(CALM_GAP) < 0) {
                wanted = CALM_GAP; // a long outage: the probes watch, full connects stay rare
            }
            Duration delay = pacer.reserve(wanted);
            logger.debug("{}: next connect in {} ms", topics.serial(), delay.toMillis());
            track(stateTimers, later(this::backoffOver, delay));
            unreachable = unreachableAt;
            if (unreachableAt != null) {
                track(stateTimers, later(this::probeReachability, probeInterval()));
            }
        }
        report(TransportKind.NONE, reason);
    }

    private void backoffOver() {
        if (transition(LinkState.CONNECTING, "back-off over")) {
            connectCycle();
        }
    }

    /** BACKING_OFF: a TCP connect to the unreachable address; a reconnect as soon as it answers. */
    private void probeReachability() {
        InetSocketAddress address;
        synchronized (this) {
            address = unreachable;
            if (state != LinkState.BACKING_OFF || address == null) {
                return;
            }
        }
        boolean reachable = ReachabilityProbe.reachable(address.getHostString(), address.getPort(),
                PROBE_TIMEOUT_MILLIS);
        synchronized (this) {
            if (state != LinkState.BACKING_OFF) {
                return;
            }
            if (reachable) {
                logger.debug("{}: reachable again, reconnecting now", topics.serial());
                retrySoon();
            } else {
                track(stateTimers, later(this::probeReachability, probeInterval()));
            }
        }
    }

    /** While BACKING_OFF: replaces the back-off timer by the next free connect slot. Holds the lock. */
    private void retrySoon() {
        cancelAll(stateTimers);
        unreachable = null;
        track(stateTimers, later(this::backoffOver, pacer.reserve(Duration.ZERO)));
    }

    private synchronized Duration probeInterval() {
        long outage = System.nanoTime() - outageStartNanos;
        return outage < recovery.probeSlowerAfter().toNanos() ? recovery.probeInterval()
                : recovery.probeIntervalLater();
    }

    /** Tells the listener about a transport change, but not the same news twice in a row. */
    private void report(TransportKind kind, String reason) {
        synchronized (this) {
            String news = kind + ": " + reason;
            if (state == LinkState.CLOSED || news.equals(lastReport)) {
                return;
            }
            lastReport = news;
        }
        observer.transportReported(kind, reason);
        listener.onTransportChanged(kind, reason);
    }

    /** The transports to try, best first. */
    private List<TransportKind> plan() {
        return choice().order();
    }

    /**
     * The transport decision as it stands now: the configured mode, what the account says of the device and which
     * paths are possible (a local host and local credentials; an account). Worked out afresh before every connect
     * cycle, since credentials and the host can change.
     */
    public TransportChoice choice() {
        TransportChoice.LocalPath local;
        if (currentHost() == null) {
            local = TransportChoice.LocalPath.NO_HOST;
        } else if (credentials.localCredentials() == null) {
            local = TransportChoice.LocalPath.NO_CREDENTIALS;
        } else {
            local = TransportChoice.LocalPath.POSSIBLE;
        }
        return new TransportChoice(endpoint.mode(), endpoint.cloudPreferred(), local, credentials.hasCloudAccount());
    }

    private synchronized @Nullable String currentHost() {
        return host;
    }

    private String primaryReason(TransportKind kind) {
        return choice().reason(kind);
    }

    /** Creates and connects one transport (blocking, bounded; on the link's queue). */
    private Session open(TransportKind kind) throws TransportException {
        Session session = new Session(kind);
        DeviceConnection connection;
        if (kind == TransportKind.LOCAL) {
            LocalCredentials local = credentials.localCredentials();
            String localHost = currentHost();
            if (local == null || localHost == null) {
                throw new TransportException("no local credentials", false);
            }
            connection = new LocalMqttConnection(topics, localHost, endpoint.port(), local, session, scheduler,
                    settings.transport());
        } else {
            IotCredentials iot;
            try {
                iot = credentials.freshIotCredentials();
            } catch (CredentialsUnavailableException e) {
                throw new TransportException("cloud credentials unavailable: " + e.getMessage(), false)
                        .noConnectionTried();
            }
            synchronized (this) {
                credentialsBackoff.reset();
            }
            connection = new CloudMqttConnection(topics, iot, session, scheduler, settings.transport());
        }
        session.connection = connection;
        synchronized (this) {
            if (state == LinkState.CLOSED) {
                throw new TransportException("link closed", false);
            }
            connecting.add(connection);
        }
        try {
            connection.connect();
        } finally {
            synchronized (this) {
                connecting.remove(connection);
            }
        }
        if (state() == LinkState.CLOSED) {
            connection.close();
            throw new TransportException("link closed", false);
        }
        return session;
    }

    /** CONNECTING or PROBING_PREFERRED -> CONNECTED with a connected transport as the active one. */
    private boolean install(Session session, String reason) {
        Session previous;
        synchronized (this) {
            if (!transition(LinkState.CONNECTED, "connected over " + session.kind + " (" + reason + ")")) {
                previous = session;
            } else {
                previous = active;
                active = session;
                session.reason = reason;
                deviceOnline = null;
                cancelAll(sessionTimers);
                track(sessionTimers, later(() -> askAgain(session), recovery.firstAnswerTimeout().dividedBy(ASKS)));
                track(sessionTimers,
                        every(() -> watchdog(session), recovery.silenceLimit(session.kind).dividedBy(3)));
                track(sessionTimers, later(() -> healthy(session), recovery.healthyAfter()));
            }
        }
        if (previous == session) {
            session.connection().close();
            return false;
        }
        if (previous != null) {
            previous.connection().close();
        }
        requestCurrentData();
        return true;
    }

    // ---- health of the active connection

    /** The active connection delivered its first state: the link is up, unless it has been flapping. */
    private void answered(Session session) {
        String waiting = null;
        synchronized (this) {
            if (session != active || session.reported) {
                return;
            }
            if (flapping()) {
                waiting = UNSTABLE;
                logger.debug("{}: {} ({} quick drops in a row)", topics.serial(), waiting, quickDrops);
            }
        }
        if (waiting != null) {
            report(TransportKind.NONE, waiting);
        } else {
            reportUp(session);
        }
    }

    private void reportUp(Session session) {
        List<Undelivered> resend;
        synchronized (this) {
            if (session != active || session.reported) {
                return;
            }
            session.reported = true;
            outageStartNanos = 0;
            resend = new ArrayList<>(undelivered);
            undelivered.clear();
        }
        report(session.kind, session.reason);
        long now = System.nanoTime();
        for (Undelivered command : resend) {
            if (now - command.nanos <= RESEND_WITHIN.toNanos() && send(session, command.json)) {
                logger.debug("{}: command sent again after the reconnect", topics.serial());
            } else {
                listener.onCommandUndelivered(command.json, "the connection was lost and not back in time");
            }
        }
    }

    /** Whether connections keep dropping before they get healthy: then the link is not reported up too soon. */
    private synchronized boolean flapping() {
        return quickDrops >= FLAPPING_DROPS;
    }

    /** The active connection has stayed up and delivered data: from now on the back-off starts afresh. */
    private void healthy(Session session) {
        synchronized (this) {
            if (session != active || !session.answered) {
                return;
            }
            logger.debug("{}: connection healthy", topics.serial());
            backoff.reset();
            quickDrops = 0;
            session.healthy = true;
        }
        reportUp(session);
    }

    /**
     * Until the device answers a new connection, asks again every so often (a request published before the device
     * subscribed is lost); gives the connection up after {@link LinkSettings.Recovery#firstAnswerTimeout()}.
     */
    private void askAgain(Session session) {
        boolean waiting;
        synchronized (this) {
            if (session != active || session.answered) {
                return;
            }
            waiting = System.nanoTime() - session.connectedNanos < recovery.firstAnswerTimeout().toNanos();
            if (waiting) {
                track(sessionTimers, later(() -> askAgain(session), recovery.firstAnswerTimeout().dividedBy(ASKS)));
            }
        }
        if (waiting) {
            send(session, messages.requestCurrentState());
        } else {
            String reason = "connected over " + session.kind
                    + ", but the device does not answer (serial number or product type?)";
            logger.debug("{}: {}", topics.serial(), reason);
            lost(session, reason, false);
        }
    }

    /** Drops the active connection when the device has been silent too long. */
    private void watchdog(Session session) {
        String reason;
        synchronized (this) {
            if (session != active || Boolean.FALSE.equals(deviceOnline)) {
                return; // a device that said GONE-AWAY is announced again by the cloud (HELLO)
            }
            long silentNanos = System.nanoTime() - session.lastMessageNanos;
            Duration limit = recovery.silenceLimit(session.kind);
            if (!session.answered || silentNanos < limit.toNanos()) {
                return;
            }
            reason = "device silent for " + limit.toSeconds() + " s";
        }
        logger.debug("{}: {}", topics.serial(), reason);
        lost(session, reason, false);
    }

    // ---- returning to the preferred transport

    private synchronized void schedulePreferredProbe() {
        track(stateTimers, later(this::probePreferred, settings.preferredRetryInterval()));
    }

    /** CONNECTED on the fallback: connects the preferred transport aside and switches once it stayed up. */
    private void probePreferred() {
        TransportKind preferred;
        synchronized (this) {
            List<TransportKind> plan = plan();
            Session current = active;
            if (state != LinkState.CONNECTED || current == null || plan.isEmpty() || plan.get(0) == current.kind) {
                return;
            }
            preferred = plan.get(0);
        }
        if (!transition(LinkState.PROBING_PREFERRED, "trying the preferred transport " + preferred)) {
            return;
        }
        Session aside;
        try {
            aside = open(preferred);
        } catch (TransportException e) {
            if (transition(LinkState.CONNECTED, "preferred transport still unavailable: " + e.reason())) {
                schedulePreferredProbe();
            }
            return;
        }
        synchronized (this) {
            if (state == LinkState.PROBING_PREFERRED) {
                candidate = aside;
                Session switching = aside;
                track(stateTimers, later(() -> switchTo(switching), settings.switchBackAfter()));
                return;
            }
        }
        aside.connection().close(); // the fallback was lost meanwhile: the new cycle decides afresh
    }

    private void switchTo(Session aside) {
        synchronized (this) {
            if (state != LinkState.PROBING_PREFERRED || candidate != aside) {
                return;
            }
            candidate = null;
        }
        if (!aside.connection().isConnected()) {
            aside.connection().close();
            if (transition(LinkState.CONNECTED, "preferred transport dropped again")) {
                schedulePreferredProbe();
            }
            return;
        }
        install(aside, "back to the preferred transport: " + primaryReason(aside.kind));
    }

    // ---- events of the connections

    /**
     * A connection went down ({@code dropped}) or was given up by the link: the candidate is forgotten, the active one
     * makes the link back off. Only drops soon after connecting count towards flapping; a silent device is not
     * unstable, it is silent.
     */
    private void lost(Session session, String reason, boolean dropped) {
        boolean wasActive;
        Session other = null;
        synchronized (this) {
            wasActive = session == active;
            if (session == candidate) {
                candidate = null;
                if (transition(LinkState.CONNECTED, "preferred transport lost: " + reason)) {
                    schedulePreferredProbe();
                }
            } else if (wasActive) {
                active = null;
                other = candidate;
                candidate = null;
                cancelAll(sessionTimers);
                if (dropped && System.nanoTime() - session.connectedNanos < QUICK_DROP.toNanos()) {
                    quickDrops++;
                } else if (dropped) {
                    quickDrops = 0;
                }
            }
        }
        session.connection().close();
        if (wasActive) {
            closeQuietly(other);
            backOff(flapping() ? UNSTABLE : reason, null, backoff);
        }
    }

    private void onMessage(Session session, String topic, String payload) {
        // robots send their connection messages on the topic of their state: told apart by the message type
        String msg = topic.equals(topics.connection()) ? messageType(payload) : "";
        boolean connectionMessage = topic.equals(topics.connection())
                && (!topic.equals(topics.current()) || CONNECTION_MESSAGES.contains(msg));
        boolean first;
        synchronized (this) {
            if (session != active) {
                return;
            }
            session.lastMessageNanos = System.nanoTime();
            first = !connectionMessage && topic.equals(topics.current()) && !session.answered;
            if (first) {
                session.answered = true;
                pathWorked = true;
            }
        }
        observer.messageIn(topic, payload);
        Boolean reachable = null;
        if (connectionMessage) {
            if ("GONE-AWAY".equals(msg) || "GOODBYE".equals(msg)) {
                reachable = Boolean.FALSE;
            } else if ("HELLO".equals(msg) || "IM-BACK".equals(msg)) {
                // back behind the cloud: ask for the state now; it makes the device online when it arrives
                logger.debug("{}: device says {}, requesting its state", topics.serial(), msg);
                requestCurrentData();
            }
        } else if (topic.equals(topics.current())) {
            reachable = Boolean.TRUE;
        }
        boolean changed = false;
        if (reachable != null) {
            synchronized (this) {
                changed = !reachable.equals(deviceOnline);
                deviceOnline = reachable;
            }
        }
        listener.onMessage(topic, payload);
        if (changed && reachable) {
            listener.onDeviceOnline();
        }
        if (changed && !reachable) {
            listener.onDeviceOffline("device reports " + msg);
        }
        if (first) {
            steps.execute(() -> answered(session));
        }
    }

    private void onUndelivered(String json) {
        boolean kept;
        synchronized (this) {
            kept = state != LinkState.CLOSED && undelivered.size() < MAX_UNDELIVERED;
            if (kept) {
                undelivered.add(new Undelivered(json, System.nanoTime()));
            }
        }
        if (!kept) {
            listener.onCommandUndelivered(json, "the connection was lost");
        }
    }

    // ---- helpers

    /** Runs {@code step} on the link's queue after {@code delay}; null when the scheduler is gone. */
    private @Nullable ScheduledFuture<?> later(Runnable step, Duration delay) {
        try {
            return scheduler.schedule(() -> steps.execute(step), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            logger.debug("{}: scheduler gone", topics.serial());
            return null;
        }
    }

    /** Runs {@code step} on the link's queue every {@code period}; null when the scheduler is gone. */
    private @Nullable ScheduledFuture<?> every(Runnable step, Duration period) {
        try {
            return scheduler.scheduleWithFixedDelay(() -> steps.execute(step), period.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            logger.debug("{}: scheduler gone", topics.serial());
            return null;
        }
    }

    private static void track(List<ScheduledFuture<?>> timers, @Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timers.add(timer);
        }
    }

    private static String messageType(String payload) {
        try {
            JsonElement json = JsonParser.parseString(payload);
            if (json instanceof JsonObject object && object.get("msg") instanceof JsonPrimitive msg) {
                return msg.getAsString();
            }
        } catch (JsonParseException e) {
            // not JSON: no message type
        }
        return "";
    }

    private static void cancelAll(List<ScheduledFuture<?>> jobs) {
        jobs.forEach(job -> job.cancel(false));
        jobs.clear();
    }

    private static void addIfPresent(List<DeviceConnection> list, @Nullable Session session) {
        if (session != null) {
            list.add(session.connection());
        }
    }

    private static void closeQuietly(@Nullable Session session) {
        if (session != null) {
            session.connection().close();
        }
    }

    /** A command lost with a connection, kept for a resend after the reconnect. */
    private record Undelivered(String json, long nanos) {
    }

    /**
     * One connection and what the link knows about it; also the connection's listener, which routes its events
     * back to the link. The connection is set right after construction.
     */
    private final class Session implements DeviceConnectionListener {

        final TransportKind kind;
        private volatile @Nullable DeviceConnection connection;
        // guarded by the link
        String reason = "";
        final long connectedNanos = System.nanoTime();
        long lastMessageNanos = connectedNanos;
        boolean answered;
        boolean healthy;
        boolean reported;

        Session(TransportKind kind) {
            this.kind = kind;
        }

        DeviceConnection connection() {
            return Objects.requireNonNull(connection);
        }

        @Override
        public void onMessage(String topic, String payload) {
            DeviceLink.this.onMessage(this, topic, payload);
        }

        @Override
        public void onConnectionLost(String reason) {
            // leave Paho's thread at once; the decisions run on the link's queue
            steps.execute(() -> lost(this, reason, true));
        }

        @Override
        public void onUndelivered(String json) {
            DeviceLink.this.onUndelivered(json);
        }
    }
}
