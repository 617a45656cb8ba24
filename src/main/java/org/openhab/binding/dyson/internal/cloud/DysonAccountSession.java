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
package org.openhab.binding.dyson.internal.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login state of one Dyson account and the calls made with it; the account bridge handler wraps it thinly.
 * <ol>
 * <li>{@link #start()}: provisioning (once), then either checks a stored token ({@link LoginStep#LOGGED_IN}) or
 * asks Dyson to e-mail a code ({@link LoginStep#CODE_REQUESTED}), or for an account in China that logs in with a
 * mobile number ({@link #mobile}) to send it by SMS.</li>
 * <li>{@link #completeLogin(String)} with the code the user received: the session holds a token.</li>
 * <li>{@link #devices()}, {@link #localCredentials(CloudDevice)}, {@link #iotCredentials(String)}.</li>
 * </ol>
 * The session never sleeps or retries: it throws {@link DysonCloudException}, and the caller retries those that
 * are {@link DysonCloudException#isRetryable() retryable} with back-off. A token found invalid (401/403) is
 * dropped, so that the next {@link #start()} requests a new code: a code is requested only by {@link #start()},
 * never in a loop. Thread-safe.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DysonAccountSession {

    /** Where {@link #start()} left the login. */
    public enum LoginStep {
        /** The token works: devices and credentials can be fetched. */
        LOGGED_IN,
        /** Dyson e-mailed a code: call {@link DysonAccountSession#completeLogin(String)} with it. */
        CODE_REQUESTED
    }

    /** A stored challenge younger than this is reused when Dyson refuses to send another code (429). */
    public static final Duration CHALLENGE_REUSE_AGE = Duration.ofMinutes(10);
    /** IoT credentials are fetched at most once in this time per device; the last ones are returned meanwhile. */
    public static final Duration IOT_CREDENTIALS_INTERVAL = Duration.ofSeconds(10);

    private record Issued(IotCredentials credentials, Instant at) {
    }

    /** One token-using call of the client. */
    @FunctionalInterface
    private interface TokenCall<T> {
        T call(String token) throws DysonCloudException;
    }

    private final Logger logger = LoggerFactory.getLogger(DysonAccountSession.class);
    private final Object loginLock = new Object();
    private final DysonCloudClient client;
    /** The e-mail address, or the mobile number of a mobile-number login. */
    private final String login;
    private final boolean mobileLogin;
    private final String password;
    private final Clock clock;
    private final Map<String, Issued> issuedIot = new ConcurrentHashMap<>();
    private final Map<String, Object> iotLocks = new ConcurrentHashMap<>();

    /** Written by the login, dropped without a lock by a call it fails for (never waits for a running login). */
    private final AtomicReference<@Nullable String> token = new AtomicReference<>();
    private volatile @Nullable LoginChallenge challenge;
    private volatile boolean provisioned;
    private volatile List<CloudDevice> lastDevices = List.of();

    /**
     * @param client the cloud client for the account's region and country
     * @param storedToken a token persisted from an earlier login, if any
     * @param storedChallenge a challenge persisted from an earlier code request, if any
     */
    public DysonAccountSession(DysonCloudClient client, String email, String password, @Nullable String storedToken,
            @Nullable LoginChallenge storedChallenge) {
        this(client, email, password, storedToken, storedChallenge, Clock.systemUTC());
    }

    /** As above, with the clock that ages challenges and IoT credentials. */
    public DysonAccountSession(DysonCloudClient client, String email, String password, @Nullable String storedToken,
            @Nullable LoginChallenge storedChallenge, Clock clock) {
        this(client, email, false, password, storedToken, storedChallenge, clock);
    }

    /**
     * A session of an account on Dyson's servers in China that logs in with its mobile number and a code sent by SMS
     * (no password).
     *
     * @param client a client for country {@code CN}
     * @param mobile the number as {@link MobileNumber#normalize(String)} returns it
     */
    public static DysonAccountSession mobile(DysonCloudClient client, String mobile, @Nullable String storedToken,
            @Nullable LoginChallenge storedChallenge, Clock clock) {
        return new DysonAccountSession(client, mobile, true, "", storedToken, storedChallenge, clock);
    }

    private DysonAccountSession(DysonCloudClient client, String login, boolean mobileLogin, String password,
            @Nullable String storedToken, @Nullable LoginChallenge storedChallenge, Clock clock) {
        this.client = client;
        this.login = login;
        this.mobileLogin = mobileLogin;
        this.password = password;
        this.token.set(storedToken == null || storedToken.isBlank() ? null : storedToken);
        this.challenge = storedChallenge;
        this.clock = clock;
    }

    /**
     * Starts or resumes the login.
     *
     * @return {@link LoginStep#LOGGED_IN} when the stored token works, {@link LoginStep#CODE_REQUESTED} when a code
     *         was e-mailed or sent by SMS (or, if Dyson refused to send another one, a code requested less than
     *         {@link #CHALLENGE_REUSE_AGE} ago is still pending)
     * @throws DysonCloudException {@code TOKEN_INVALID} (token dropped; the next call requests a code),
     *             {@code ACCOUNT_NOT_ACTIVE}, {@code RATE_LIMITED}, or a retryable {@code COMMUNICATION}, ...
     */
    public LoginStep start() throws DysonCloudException {
        synchronized (loginLock) {
            provisionOnce();
            if (token.get() != null) {
                devices();
                logger.debug("The stored Dyson cloud token is valid");
                return LoginStep.LOGGED_IN;
            }
            String status = mobileLogin ? mobileUserStatus() : client.userStatus(login);
            if (status != null && !"ACTIVE".equalsIgnoreCase(status)) {
                throw new DysonCloudException(Kind.ACCOUNT_NOT_ACTIVE, "The Dyson account is not active (status "
                        + status + "); check the " + (mobileLogin ? "mobile number" : "e-mail address"));
            }
            try {
                if (mobileLogin) {
                    challenge = new LoginChallenge(client.requestSmsCode(login), clock.instant());
                    logger.debug("Dyson sent a login code by SMS");
                } else {
                    challenge = new LoginChallenge(client.requestCode(login), clock.instant());
                    logger.debug("Dyson e-mailed a login code");
                }
                return LoginStep.CODE_REQUESTED;
            } catch (DysonCloudException e) {
                LoginChallenge stored = challenge;
                if (e.getKind() == Kind.RATE_LIMITED && stored != null
                        && stored.isFresh(clock.instant(), CHALLENGE_REUSE_AGE)) {
                    logger.debug("Dyson refused to send another code; the code requested at {} is still pending",
                            stored.issued());
                    return LoginStep.CODE_REQUESTED;
                }
                throw e;
            }
        }
    }

    /**
     * Completes the login with the code Dyson e-mailed (or sent by SMS).
     *
     * @return the new token, to be persisted (a secret)
     * @throws DysonCloudException {@code WRONG_CREDENTIALS} when password or code are wrong (the challenge is kept
     *             so that the code can be typed again), ...
     * @throws IllegalStateException when no code was requested
     */
    public String completeLogin(String otpCode) throws DysonCloudException {
        synchronized (loginLock) {
            LoginChallenge pending = challenge;
            if (pending == null) {
                throw new IllegalStateException("No login code was requested");
            }
            provisionOnce();
            String newToken = mobileLogin ? client.verifyMobile(login, pending.id(), otpCode)
                    : client.verify(login, password, pending.id(), otpCode);
            token.set(newToken);
            challenge = null;
            logger.debug("Logged in to the Dyson cloud");
            return newToken;
        }
    }

    /** Fetches the device list (also kept as {@link #cachedDevices()}). */
    public List<CloudDevice> devices() throws DysonCloudException {
        List<CloudDevice> devices = withToken(client::devices);
        lastDevices = devices;
        return devices;
    }

    /** The device list of the last successful {@link #devices()} call (empty before). */
    public List<CloudDevice> cachedDevices() {
        return lastDevices;
    }

    /**
     * The local MQTT login of a device (user = the manifest's serial), or null for a cloud-only device.
     *
     * @throws DysonCloudException {@code MALFORMED_RESPONSE} when the credentials cannot be decrypted
     */
    public @Nullable LocalCredentials localCredentials(CloudDevice device) throws DysonCloudException {
        String encrypted = device.localBrokerCredentials();
        if (encrypted == null) {
            return null;
        }
        LocalCredentials decrypted = LocalCredentialsDecoder.decrypt(encrypted);
        if (decrypted.serial().isEmpty()) {
            return new LocalCredentials(device.serialNumber(), decrypted.password());
        }
        if (!decrypted.serial().equals(device.serialNumber())) {
            logger.debug("The local credentials of {} name another serial; using the manifest's",
                    device.serialNumber());
            return new LocalCredentials(device.serialNumber(), decrypted.password());
        }
        return decrypted;
    }

    /**
     * Fresh AWS IoT credentials for a device. Within {@link #IOT_CREDENTIALS_INTERVAL} of the last issue for the
     * same device, and when Dyson answers 429, the last issued credentials are returned instead.
     *
     * @throws DysonCloudException {@code TOKEN_INVALID} (token dropped), {@code RATE_LIMITED} with nothing issued
     *             before, {@code NOT_FOUND}, retryable {@code COMMUNICATION}, ...
     */
    public IotCredentials iotCredentials(String serial) throws DysonCloudException {
        synchronized (iotLocks.computeIfAbsent(serial, s -> new Object())) {
            Issued last = issuedIot.get(serial);
            Instant now = clock.instant();
            if (last != null && !now.isBefore(last.at())
                    && Duration.between(last.at(), now).compareTo(IOT_CREDENTIALS_INTERVAL) < 0) {
                logger.debug("Reusing the IoT credentials of {} issued at {}", serial, last.at());
                return last.credentials();
            }
            try {
                IotCredentials fresh = withToken(t -> client.iotCredentials(t, serial));
                issuedIot.put(serial, new Issued(fresh, now));
                return fresh;
            } catch (DysonCloudException e) {
                if (e.getKind() == Kind.RATE_LIMITED && last != null) {
                    logger.debug("IoT credentials of {} rate limited; reusing those issued at {}", serial,
                            last.at());
                    return last.credentials();
                }
                throw e;
            }
        }
    }

    /** The endpoint refused the last issued IoT credentials of a device: the next request fetches new ones. */
    public void forgetIotCredentials(String serial) {
        issuedIot.remove(serial);
    }

    /** The current token (to persist), null when not logged in. A secret. */
    public @Nullable String token() {
        return token.get();
    }

    /** The pending code challenge (to persist), null when none. */
    public @Nullable LoginChallenge challenge() {
        return challenge;
    }

    public boolean isLoggedIn() {
        return token.get() != null;
    }

    /** True for an account in China that logs in with its mobile number and a code sent by SMS. */
    public boolean isMobileLogin() {
        return mobileLogin;
    }

    /**
     * The status of the mobile number, or null when Dyson does not tell it: one public client met 403 on this call
     * where the code request then worked, and another never makes it, so only a clear answer stops the login.
     */
    private @Nullable String mobileUserStatus() throws DysonCloudException {
        try {
            return client.mobileUserStatus(login);
        } catch (DysonCloudException e) {
            if (e.isRetryable() || e.getKind() == Kind.RATE_LIMITED) {
                throw e;
            }
            logger.debug("No status for the mobile number ({}); requesting the code anyway", e.getMessage());
            return null;
        }
    }

    private void provisionOnce() throws DysonCloudException {
        if (!provisioned) {
            String version = client.provision();
            logger.debug("Dyson cloud provisioning done (app version {})", version);
            provisioned = true;
        }
    }

    /** Runs a call with the current token; drops the token when the cloud says it is no longer valid. */
    private <T> T withToken(TokenCall<T> call) throws DysonCloudException {
        String current = token.get();
        if (current == null) {
            throw new DysonCloudException(Kind.TOKEN_INVALID, "Not logged in to the Dyson cloud");
        }
        try {
            return call.call(current);
        } catch (DysonCloudException e) {
            if (e.getKind() == Kind.TOKEN_INVALID) {
                if (token.compareAndSet(current, null)) {
                    logger.debug("The Dyson cloud token is no longer valid; a new login is needed");
                }
            }
            throw e;
        }
    }
}
