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
package org.openhab.binding.dyson.internal.handler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession.LoginStep;
import org.openhab.binding.dyson.internal.cloud.DysonCloudClient;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.cloud.LoginChallenge;
import org.openhab.binding.dyson.internal.config.AccountConfiguration;
import org.openhab.binding.dyson.internal.discovery.DysonDeviceDiscoveryService;
import org.openhab.binding.dyson.internal.util.Backoff;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dyson:account} bridge: logs in to the Dyson cloud with the e-mailed code (in mainland China also with a
 * mobile number and a code sent by SMS), keeps the token in openHAB's storage only (never in the thing configuration,
 * which the REST API hands to every admin UI; a token found there, from an older version or pasted by the user, is
 * moved into the storage on start), reads the device list and serves its device things with facts and credentials.
 * <p>
 * Threads: openHAB's shared {@code scheduler} only times the work. Every cloud call of the account itself (login,
 * device list, the new code after a rejected token) runs on the binding's {@link NetworkWorkers}, in one queue per
 * account ({@link NetworkWorkers#serial()}), so two of them never run at once and each one sees the session its
 * predecessor left. {@link #dispose()} interrupts the call that is running, which aborts its HTTP request. Device
 * things call {@link #iotCredentials(String)} on their own worker threads; it takes no account-wide lock.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DysonAccountHandler extends BaseBridgeHandler {

    private static final String CONFIG_OTP_CODE = "otpCode";
    private static final String CONFIG_TOKEN = "token";
    private static final long RATE_LIMIT_RETRY_MINUTES = 10;

    private final Logger logger = LoggerFactory.getLogger(DysonAccountHandler.class);
    private final HttpClient httpClient;
    private final Storage<String> storage;
    private final NetworkWorkers workers;
    private final @Nullable String baseUrlOverride;
    private final Backoff backoff = Backoff.standard();
    private final Set<DysonDeviceHandler> deviceHandlers = ConcurrentHashMap.newKeySet();
    /** The account's queue on the network workers: login, device list and token rejection, one after the other. */
    private final Executor accountQueue;
    /** The session whose rejected token is already being handled: later rejections of it join that login. */
    private final AtomicReference<@Nullable DysonAccountSession> rejectedSession = new AtomicReference<>();
    /** Guards {@link #runningThread} and {@link #generation} against a task that is just ending. */
    private final Object runningLock = new Object();

    private AccountConfiguration config = new AccountConfiguration();
    private volatile @Nullable DysonAccountSession session;
    private volatile @Nullable ScheduledFuture<?> loginJob;
    private volatile @Nullable ScheduledFuture<?> refreshJob;
    private volatile @Nullable DysonDeviceDiscoveryService discoveryService;
    /** Why the cloud this account was pointed at cannot be used; null: it can. */
    private volatile @Nullable String cloudProblem;
    private volatile boolean disposed;
    /** Counts dispose calls: work queued before the last dispose belongs to a handler life that is over. */
    private long generation; // guarded by runningLock
    /** The worker thread running account work now, null when none. */
    private @Nullable Thread runningThread; // guarded by runningLock
    /** Identifies the latest scheduled login: an earlier one still in the queue is superseded and does nothing. */
    private volatile @Nullable Object loginTicket;

    /**
     * @param storage openHAB storage for the token and a pending login challenge, keyed by e-mail address (or mobile
     *            number)
     * @param baseUrlOverride the cloud API base URL instead of Dyson's (another cloud such as the simulator's, see
     *            {@code CloudOverride}); null = chosen from the country
     */
    public DysonAccountHandler(Bridge bridge, HttpClient httpClient, Storage<String> storage, NetworkWorkers workers,
            @Nullable String baseUrlOverride) {
        super(bridge);
        this.workers = workers;
        this.accountQueue = workers.serial();
        this.httpClient = httpClient;
        this.storage = storage;
        this.baseUrlOverride = baseUrlOverride;
    }

    @Override
    public void initialize() {
        disposed = false;
        config = getConfigAs(AccountConfiguration.class);
        String problem = config.problem();
        if (problem != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, problem);
            return;
        }
        String cloud = cloudProblem;
        if (cloud != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusTexts.withArgument("@text/offline.account.cloud-override-invalid", cloud));
            return;
        }
        moveConfiguredTokenToStorage();
        updateStatus(ThingStatus.UNKNOWN);
        scheduleLogin(0, TimeUnit.SECONDS);
    }

    @Override
    public void dispose() {
        disposed = true;
        session = null; // a cloud call still running finds itself stale and leaves everything alone
        loginTicket = null;
        cancel(loginJob);
        cancel(refreshJob);
        loginJob = null;
        refreshJob = null;
        synchronized (runningLock) {
            generation++; // queued work of this handler life will not run
            Thread running = runningThread;
            if (running != null) {
                running.interrupt(); // aborts the HTTP request it waits on
            }
        }
    }

    @Override
    public void handleRemoval() {
        // the account thing is gone: so are its token and any pending login in openHAB's storage
        storage.remove(tokenKey());
        storage.remove(challengeKey());
        super.handleRemoval();
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the account has no channels
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(DysonDeviceDiscoveryService.class);
    }

    // ---- what device things and discovery use

    /** The account's device with this serial, from the last device list; null when unknown. */
    public @Nullable CloudDevice findDevice(String serial) {
        DysonAccountSession current = session;
        if (current == null) {
            return null;
        }
        return current.cachedDevices().stream().filter(d -> d.serialNumber().equalsIgnoreCase(serial)).findFirst()
                .orElse(null);
    }

    /** The devices of the last device list (empty before the first login). */
    public List<CloudDevice> devices() {
        DysonAccountSession current = session;
        return current == null ? List.of() : current.cachedDevices();
    }

    /** The decrypted local MQTT login of a device; null for a cloud-only or unknown device. */
    public @Nullable LocalCredentials localCredentials(String serial) {
        CloudDevice device = findDevice(serial);
        DysonAccountSession current = session;
        if (device == null || current == null) {
            return null;
        }
        try {
            return current.localCredentials(device);
        } catch (DysonCloudException e) {
            logger.debug("No usable local credentials for {}: {}", serial, e.getMessage());
            return null;
        }
    }

    /**
     * Fresh AWS IoT credentials for a device (rate-limited by the session), fetched on the caller's thread (a device
     * thing's network worker); no account-wide lock is taken. A rejected token takes the account OFFLINE and asks
     * for one new code: the first caller to meet the rejection starts that login on the account's queue, any number
     * of others that meet the same token join it.
     */
    public IotCredentials iotCredentials(String serial) throws DysonCloudException {
        DysonAccountSession current = session;
        if (current == null || !current.isLoggedIn()) {
            throw new DysonCloudException(Kind.TOKEN_INVALID, "The Dyson account is not logged in");
        }
        try {
            IotCredentials issued = current.iotCredentials(serial);
            if (session != current || disposed) {
                // the account was disposed or logged in anew meanwhile: these belong to nobody now
                throw new DysonCloudException(Kind.TOKEN_INVALID, "The Dyson account is gone");
            }
            return issued;
        } catch (DysonCloudException e) {
            if (e.getKind() == Kind.TOKEN_INVALID && rejectedSession.getAndSet(current) != current) {
                // the first device to meet this rejected token starts the new login; the others join it
                onAccountQueue(() -> tokenRejected(current));
            }
            throw e;
        }
    }

    /** The cloud endpoint refused the IoT credentials last issued for a device: never hand them out again. */
    public void iotCredentialsRefused(String serial) {
        DysonAccountSession current = session;
        if (current != null) {
            current.forgetIotCredentials(serial);
        }
    }

    /** What diagnostics output of the account's devices must never show: the password, the token and a code. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String key : List.of("password", "token", "otpCode")) {
            if (getThing().getConfiguration().get(key) instanceof String value) {
                secrets.add(value.trim());
            }
        }
        String token = storage.get(tokenKey());
        if (token != null) {
            secrets.add(token);
        }
        secrets.removeIf(String::isBlank);
        return secrets;
    }

    /** Asks for a new device list soon (discovery scan). */
    public void refreshDevicesSoon() {
        DysonAccountSession current = session;
        if (current != null && current.isLoggedIn() && !disposed) {
            onAccountQueue(() -> refreshDevices(current));
        }
    }

    /**
     * The other cloud this account was to be pointed at cannot be used (an invalid setting, see the README, section
     * Simulator): the account stays OFFLINE with the reason rather than fall back to Dyson's servers. Set before
     * {@link #initialize()}.
     */
    public void cloudUnusable(String reason) {
        cloudProblem = reason;
    }

    public void setDiscoveryService(@Nullable DysonDeviceDiscoveryService service) {
        this.discoveryService = service;
        if (service != null) {
            service.devicesUpdated(devices());
        }
    }

    // ---- login from the console (the same steps as a login from the thing configuration)

    /**
     * Runs the login now on the account's queue, as {@link #initialize()} does with an empty code field, or as
     * entering {@code code} into the thing configuration does: a stored token is checked, a pending login is completed
     * with the code, otherwise Dyson e-mails a code. Supersedes a scheduled login. The code is neither stored nor
     * logged.
     *
     * @param code the e-mailed code, empty to start the login
     * @return completes with the account thing's status when this login step is done; at once when the account
     *         configuration is incomplete or the handler is disposed
     */
    public CompletableFuture<ThingStatusInfo> loginNow(String code) {
        CompletableFuture<ThingStatusInfo> done = new CompletableFuture<>();
        if (disposed || config.problem() != null) {
            done.complete(getThing().getStatusInfo());
            return done;
        }
        loginTicket = new Object(); // a login queued or scheduled before this one does nothing
        cancel(loginJob);
        onAccountQueue(() -> {
            try {
                login(code.trim());
            } finally {
                done.complete(getThing().getStatusInfo());
            }
        });
        return done;
    }

    // ---- login

    private void scheduleLogin(long delay, TimeUnit unit) {
        if (!disposed) {
            Object ticket = new Object();
            loginTicket = ticket;
            cancel(loginJob);
            loginJob = scheduler.schedule(() -> onAccountQueue(() -> {
                if (loginTicket == ticket) {
                    login(config.otpCode.trim());
                }
            }), delay, unit);
            if (disposed) {
                cancel(loginJob); // disposed meanwhile (from a worker's retry): leave no job behind
            }
        }
    }

    /** @param otp the e-mailed code from the thing configuration or the console; empty when none */
    private void login(String otp) {
        if (disposed) {
            return;
        }
        AccountConfiguration cfg = config;
        String storedToken = storage.get(tokenKey());
        LoginChallenge storedChallenge = loadChallenge();
        DysonAccountSession current = newSession(storedToken, storedChallenge);
        session = current;
        try {
            if ((storedToken == null || storedToken.isBlank()) && !otp.isEmpty() && storedChallenge != null) {
                String token = current.completeLogin(otp);
                if (!isCurrent(current)) {
                    return;
                }
                logger.debug("Dyson account {} logged in with the {} code", getThing().getUID(),
                        cfg.isMobileLogin() ? "SMS" : "e-mailed");
                saveToken(token);
                saveChallenge(null);
                current.devices(); // device things read it when the account goes ONLINE
                loggedIn(current);
                return;
            }
            LoginStep step = current.start();
            if (!isCurrent(current)) {
                return;
            }
            if (step == LoginStep.LOGGED_IN) {
                loggedIn(current);
                return;
            }
            saveChallenge(current.challenge());
            if (!cfg.otpCode.isBlank()) {
                clearOtpCode(); // typed before this code was requested: it belongs to no pending login
            }
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                    cfg.isMobileLogin() ? "@text/offline.account.enter-sms-code" : "@text/offline.account.enter-code");
        } catch (DysonCloudException e) {
            if (isCurrent(current)) {
                loginFailed(current, e);
            }
        } catch (RuntimeException e) {
            logger.warn("Unexpected error during the Dyson login", e);
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, e.getClass().getSimpleName());
            retryLater();
        }
    }

    private void loginFailed(DysonAccountSession current, DysonCloudException e) {
        logger.debug("Dyson login failed: {}", e.getMessage());
        switch (e.getKind()) {
            case WRONG_CREDENTIALS -> {
                clearOtpCode();
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        config.isMobileLogin() ? "@text/offline.account.wrong-sms-code"
                                : "@text/offline.account.wrong-credentials");
            }
            case TOKEN_INVALID -> tokenRejected(current);
            case ACCOUNT_NOT_ACTIVE -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    config.isMobileLogin() ? "@text/offline.account.mobile-not-active"
                            : "@text/offline.account.not-active");
            case RATE_LIMITED -> {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        "@text/offline.account.rate-limited");
                scheduleLogin(RATE_LIMIT_RETRY_MINUTES, TimeUnit.MINUTES);
            }
            default -> {
                cloudFailing(e);
                retryLater();
            }
        }
    }

    /** The token was rejected: forget it, request one new code (never in a loop) and ask the user for it. */
    private void tokenRejected(DysonAccountSession current) {
        if (!isCurrent(current)) {
            return;
        }
        cancel(refreshJob);
        saveToken(null);
        DysonAccountSession fresh = newSession(null, null);
        session = fresh;
        String status = config.isMobileLogin() ? "@text/offline.account.token-invalid-sms"
                : "@text/offline.account.token-invalid";
        try {
            fresh.start();
            saveChallenge(fresh.challenge());
        } catch (DysonCloudException e) {
            logger.debug("Could not request a new login code: {}", e.getMessage());
            status = "@text/offline.account.token-invalid-no-code";
        }
        if (!isCurrent(fresh)) {
            return;
        }
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, status);
    }

    /** Logged in and the device list read: ONLINE, and the list refreshed from now on. */
    private void loggedIn(DysonAccountSession current) {
        if (!isCurrent(current)) {
            return;
        }
        backoff.reset();
        devicesRead(current.cachedDevices());
        int interval = Math.max(AccountConfiguration.MIN_REFRESH_INTERVAL, config.refreshInterval);
        cancel(refreshJob);
        refreshJob = scheduler.scheduleWithFixedDelay(() -> onAccountQueue(() -> refreshDevices(current)), interval,
                interval, TimeUnit.SECONDS);
        if (!isCurrent(current)) {
            cancel(refreshJob); // disposed meanwhile: a periodic job must not outlive the handler
        }
    }

    private void refreshDevices(DysonAccountSession current) {
        if (!isCurrent(current)) {
            return;
        }
        try {
            List<CloudDevice> devices = current.devices();
            if (isCurrent(current)) {
                devicesRead(devices);
            }
        } catch (DysonCloudException e) {
            if (!isCurrent(current)) {
                return;
            }
            if (e.getKind() == Kind.TOKEN_INVALID) {
                tokenRejected(current);
            } else {
                logger.debug("Reading the Dyson device list failed: {}", e.getMessage());
                cloudFailing(e);
                retryLater();
            }
        }
    }

    private void devicesRead(List<CloudDevice> devices) {
        logger.debug("Dyson account lists {} devices", devices.size());
        if (getThing().getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.ONLINE);
        }
        DysonDeviceDiscoveryService discovery = discoveryService;
        if (discovery != null) {
            discovery.devicesUpdated(devices);
        }
        deviceHandlers.forEach(DysonDeviceHandler::accountDevicesChanged);
    }

    @Override
    public void childHandlerInitialized(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof DysonDeviceHandler device) {
            deviceHandlers.add(device);
        }
    }

    @Override
    public void childHandlerDisposed(ThingHandler childHandler, Thing childThing) {
        deviceHandlers.remove(childHandler);
    }

    private void cloudFailing(DysonCloudException e) {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                StatusTexts.withArgument("@text/offline.account.cloud-error", String.valueOf(e.getMessage())));
    }

    private void retryLater() {
        long millis = backoff.nextDelay().toMillis();
        logger.debug("Retrying the Dyson login in {} ms", millis);
        scheduleLogin(millis, TimeUnit.MILLISECONDS);
    }

    // ---- persistence of token, challenge and code

    /**
     * A token in the thing configuration (kept there by older versions, or pasted by the user as a manual override)
     * moves into openHAB's storage, where it replaces the stored one, and the configuration parameter is cleared.
     */
    private void moveConfiguredTokenToStorage() {
        String configured = config.token.trim();
        if (configured.isEmpty()) {
            return;
        }
        storage.put(tokenKey(), configured);
        Configuration configuration = editConfiguration();
        configuration.put(CONFIG_TOKEN, null);
        updateConfiguration(configuration);
        config = getConfigAs(AccountConfiguration.class);
        logger.info("Dyson account {}: moved the access token from the thing configuration into openHAB's storage",
                getThing().getUID());
    }

    /** Keeps the token in openHAB's storage only (null forgets it) and clears the used code. */
    private void saveToken(@Nullable String token) {
        if (token == null) {
            storage.remove(tokenKey());
        } else {
            storage.put(tokenKey(), token);
        }
        clearOtpCode();
    }

    private void clearOtpCode() {
        if (getThing().getConfiguration().get(CONFIG_OTP_CODE) == null) {
            return; // nothing to clear: no configuration update
        }
        Configuration configuration = editConfiguration();
        configuration.put(CONFIG_OTP_CODE, null);
        updateConfiguration(configuration);
        config = getConfigAs(AccountConfiguration.class);
    }

    private @Nullable LoginChallenge loadChallenge() {
        String stored = storage.get(challengeKey());
        if (stored == null) {
            return null;
        }
        int separator = stored.lastIndexOf('|');
        try {
            LoginChallenge challenge = new LoginChallenge(stored.substring(0, separator),
                    Instant.ofEpochMilli(Long.parseLong(stored.substring(separator + 1))));
            if (challenge.isFresh(Instant.now(), DysonAccountSession.CHALLENGE_REUSE_AGE)) {
                return challenge;
            }
        } catch (RuntimeException e) {
            // unreadable: forget it like an expired one
        }
        // Dyson's codes expire within minutes: an old challenge only stands in the way of a new code
        storage.remove(challengeKey());
        return null;
    }

    private void saveChallenge(@Nullable LoginChallenge challenge) {
        if (challenge == null) {
            storage.remove(challengeKey());
        } else {
            storage.put(challengeKey(), challenge.id() + "|" + challenge.issued().toEpochMilli());
        }
    }

    private String tokenKey() {
        return "token:" + config.loginKey();
    }

    private String challengeKey() {
        return "challenge:" + config.loginKey();
    }

    private DysonAccountSession newSession(@Nullable String token, @Nullable LoginChallenge challenge) {
        AccountConfiguration cfg = config;
        String country = cfg.countryCode.trim().toUpperCase(Locale.ROOT);
        String override = baseUrlOverride;
        DysonCloudClient client = new DysonCloudClient(httpClient,
                override != null ? override : DysonCloudClient.baseUrlFor(country), country,
                DysonCloudClient.defaultCulture(country), DysonCloudClient.DEFAULT_TIMEOUT);
        String mobile = cfg.mobileNumber();
        return mobile != null ? DysonAccountSession.mobile(client, mobile, token, challenge, Clock.systemUTC())
                : new DysonAccountSession(client, cfg.email.trim(), cfg.password, token, challenge);
    }

    /** False once the handler was disposed or started over with another session: the caller's work is stale. */
    private boolean isCurrent(DysonAccountSession current) {
        return !disposed && session == current;
    }

    /**
     * Runs account work on the account's queue of network workers, unless the handler is disposed before it starts.
     * While it runs, {@link #dispose()} can interrupt it; an interrupt that arrives as it ends is cleared, so that it
     * never reaches the next task of the pool thread.
     */
    private void onAccountQueue(Runnable work) {
        long submitted;
        synchronized (runningLock) {
            submitted = generation;
        }
        accountQueue.execute(() -> {
            synchronized (runningLock) {
                if (generation != submitted || disposed) {
                    return;
                }
                runningThread = Thread.currentThread();
            }
            try {
                work.run();
            } finally {
                synchronized (runningLock) {
                    runningThread = null;
                    Thread.interrupted(); // meant for this work only
                }
            }
        });
    }

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }
}
