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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.cloud.CloudFixture.*;
import static org.openhab.binding.dyson.internal.cloud.DysonCloudClientTest.assertKind;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession.LoginStep;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.util.Backoff;

/**
 * The account login state machine and the calls made with it, against the cloud API stand-in over HTTPS.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonAccountSessionTest {

    private @NonNullByDefault({}) CloudFixture world;

    @BeforeEach
    void setUp() throws Exception {
        world = new CloudFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void firstLoginAsksForTheMailedCode() throws Exception {
        DysonAccountSession session = world.session(null, null);
        assertEquals(LoginStep.CODE_REQUESTED, session.start());
        LoginChallenge challenge = session.challenge();
        assertNotNull(challenge);
        assertEquals(world.clock.instant(), challenge.issued());
        assertFalse(session.isLoggedIn());
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);

        String token = session.completeLogin(code);

        assertEquals(token, session.token());
        assertTrue(session.isLoggedIn());
        assertNull(session.challenge(), "the challenge is used up");
        assertEquals(3, session.devices().size());
        assertEquals(1, world.standIn.requestCount(PATH_PROVISIONING));
        assertEquals(1, world.standIn.requestCount(PATH_USER_STATUS));
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void storedTokenIsReusedWithoutANewCode() throws Exception {
        String token = world.loggedInSession().token();
        assertNotNull(token);
        int codesBefore = world.standIn.requestCount(PATH_REQUEST_CODE);

        DysonAccountSession restarted = world.session(token, null);

        assertEquals(LoginStep.LOGGED_IN, restarted.start());
        assertEquals(codesBefore, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(3, restarted.cachedDevices().size(), "the token check fetched the devices");
        assertEquals(token, restarted.token());
    }

    @Test
    void wrongCodeKeepsTheChallengeForAnotherTry() throws Exception {
        DysonAccountSession session = world.session(null, null);
        session.start();
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);
        String wrongCode = code.equals("123456") ? "654321" : "123456";

        assertKind(Kind.WRONG_CREDENTIALS, () -> session.completeLogin(wrongCode));

        assertFalse(session.isLoggedIn());
        assertNotNull(session.challenge());
        session.completeLogin(code);
        assertTrue(session.isLoggedIn());
    }

    @Test
    void wrongPasswordIsWrongCredentials() throws Exception {
        DysonAccountSession session = new DysonAccountSession(world.client(), EMAIL, "not the password", null, null,
                world.clock);
        session.start();
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);
        assertKind(Kind.WRONG_CREDENTIALS, () -> session.completeLogin(code));
    }

    @Test
    void completingWithoutACodeRequestIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> world.session(null, null).completeLogin("123456"));
    }

    @Test
    void rateLimitedCodeRequestReusesAFreshStoredChallenge() throws Exception {
        DysonAccountSession first = world.session(null, null);
        first.start();
        LoginChallenge stored = first.challenge();
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(stored);
        assertNotNull(code);
        world.clock.advance(Duration.ofMinutes(3));
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);

        DysonAccountSession restarted = world.session(null, stored);

        assertEquals(LoginStep.CODE_REQUESTED, restarted.start());
        assertEquals(stored, restarted.challenge());
        restarted.completeLogin(code);
        assertTrue(restarted.isLoggedIn());
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE), "no second try after the 429");
    }

    @Test
    void rateLimitedCodeRequestWithAnOldChallengeFails() throws Exception {
        DysonAccountSession first = world.session(null, null);
        first.start();
        LoginChallenge stored = first.challenge();
        world.clock.advance(DysonAccountSession.CHALLENGE_REUSE_AGE.plusSeconds(1));
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);

        DysonCloudException e = assertKind(Kind.RATE_LIMITED, () -> world.session(null, stored).start());

        assertFalse(e.isRetryable());
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void rateLimitedCodeRequestWithoutChallengeFails() {
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);
        DysonAccountSession session = world.session(null, null);
        assertKind(Kind.RATE_LIMITED, session::start);
        assertNull(session.challenge());
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void inactiveAccountIsRefused() throws Exception {
        world.standIn.addAccount("new@example.com", PASSWORD, "UNREGISTERED");
        DysonAccountSession session = new DysonAccountSession(world.client(), "new@example.com", PASSWORD, null,
                null, world.clock);
        assertKind(Kind.ACCOUNT_NOT_ACTIVE, session::start);
        assertEquals(0, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void revokedTokenIsDroppedAndTheNextStartRequestsACode() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        world.standIn.revokeTokens();

        assertKind(Kind.TOKEN_INVALID, session::devices);

        assertNull(session.token(), "the handler must forget the stored token");
        assertKind(Kind.TOKEN_INVALID, session::devices);
        assertEquals(1, world.standIn.requestCount(PATH_MANIFEST), "no call without a token");
        assertEquals(LoginStep.CODE_REQUESTED, session.start());
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void invalidStoredTokenFailsTheStart() {
        DysonAccountSession session = world.session("0123456789ABCDEF-1", null);
        assertKind(Kind.TOKEN_INVALID, session::start);
        assertNull(session.token());
        assertEquals(0, world.standIn.requestCount(PATH_REQUEST_CODE), "the start never loops into a code request");
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilTheStartSucceeds() throws Exception {
        world.standIn.failNext(PATH_PROVISIONING, 503, 2);
        world.standIn.failNext(PATH_USER_STATUS, 502, 1);
        DysonAccountSession session = world.session(null, null);
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), 0.2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<LoginStep> outcome = new CompletableFuture<>();
        try {
            scheduler.execute(new Runnable() {
                @Override
                public void run() {
                    try {
                        LoginStep step = session.start();
                        backoff.reset();
                        outcome.complete(step);
                    } catch (DysonCloudException e) {
                        if (e.isRetryable()) {
                            scheduler.schedule(this, backoff.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
                        } else {
                            outcome.completeExceptionally(e);
                        }
                    }
                }
            });
            assertEquals(LoginStep.CODE_REQUESTED, outcome.get(10, TimeUnit.SECONDS));
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals(3, world.standIn.requestCount(PATH_PROVISIONING));
        assertEquals(2, world.standIn.requestCount(PATH_USER_STATUS));
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(0, backoff.failures());
    }

    @Test
    void localCredentialsAreDecryptedAndCloudOnlyDevicesHaveNone() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        Map<String, CloudDevice> devices = session.devices().stream()
                .collect(Collectors.toMap(CloudDevice::serialNumber, Function.identity()));

        LocalCredentials purifier = session.localCredentials(devices.get(PURIFIER.serial()));
        assertEquals(new LocalCredentials(PURIFIER.serial(), String.valueOf(PURIFIER.localPassword())), purifier);
        LocalCredentials localOnly = session.localCredentials(devices.get(LOCAL_ONLY.serial()));
        assertEquals(new LocalCredentials(LOCAL_ONLY.serial(), String.valueOf(LOCAL_ONLY.localPassword())),
                localOnly);
        assertNull(session.localCredentials(devices.get(CLOUD_ONLY.serial())));
    }

    @Test
    void remoteBrokerFlagFollowsTheManifest() throws Exception {
        List<CloudDevice> devices = world.loggedInSession().devices();
        assertEquals(List.of(true, true, false), devices.stream().map(CloudDevice::usesRemoteBroker).toList());
    }

    @Test
    void devicesWithoutMqttAreListedButNotMqttCapable() throws Exception {
        world.standIn.addDevice(EMAIL,
                StandInDevice.purifier("BL1-EU-LEC0001A", "664", null, "HS05").notConnected("lecOnly"));
        world.standIn.addDevice(EMAIL,
                StandInDevice.purifier("NC1-EU-NON0001A", "302", null, "V11").notConnected("nonConnected"));
        List<CloudDevice> devices = world.loggedInSession().devices();
        assertEquals(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LOCAL_ONLY.serial()),
                devices.stream().filter(CloudDevice::isMqttCapable).map(CloudDevice::serialNumber).toList());
        assertEquals(5, devices.size());
    }

    @Test
    void iotCredentialsAreFetchedAtMostOncePerIntervalAndDevice() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        IotCredentials first = session.iotCredentials(PURIFIER.serial());
        assertTrue(world.authority.check(first.customAuthorizerName(), first.tokenValue(), first.tokenSignature())
                .isPresent());
        assertEquals(first.clientId(), String.valueOf(world.standIn.lastGrant(PURIFIER.serial()).clientId()));

        world.clock.advance(Duration.ofSeconds(5));
        assertSame(first, session.iotCredentials(PURIFIER.serial()));
        assertEquals(1, world.standIn.requestCount(PATH_IOT_CREDENTIALS));
        IotCredentials other = session.iotCredentials(CLOUD_ONLY.serial());
        assertNotEquals(first.tokenValue(), other.tokenValue());
        assertEquals(2, world.standIn.requestCount(PATH_IOT_CREDENTIALS));

        world.clock.advance(DysonAccountSession.IOT_CREDENTIALS_INTERVAL);
        IotCredentials fresh = session.iotCredentials(PURIFIER.serial());
        assertNotEquals(first.tokenValue(), fresh.tokenValue());
        assertEquals(3, world.standIn.requestCount(PATH_IOT_CREDENTIALS));
    }

    @Test
    void rateLimitedIotCredentialsReuseTheLastIssued() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        world.standIn.failNext(PATH_IOT_CREDENTIALS, 429, 1);
        assertKind(Kind.RATE_LIMITED, () -> session.iotCredentials(PURIFIER.serial()));

        IotCredentials issued = session.iotCredentials(PURIFIER.serial());
        world.clock.advance(Duration.ofMinutes(1));
        world.standIn.failNext(PATH_IOT_CREDENTIALS, 429, 1);

        assertSame(issued, session.iotCredentials(PURIFIER.serial()));
        assertEquals(3, world.standIn.requestCount(PATH_IOT_CREDENTIALS));
    }

    @Test
    void iotCredentialsWithARevokedTokenNeedANewLogin() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        world.standIn.revokeTokens();
        assertKind(Kind.TOKEN_INVALID, () -> session.iotCredentials(PURIFIER.serial()));
        assertFalse(session.isLoggedIn());
    }

    @Test
    void iotCredentialServerErrorsAreRetryable() throws Exception {
        DysonAccountSession session = world.loggedInSession();
        world.standIn.failNext(PATH_IOT_CREDENTIALS, 500, 1);
        assertTrue(assertKind(Kind.COMMUNICATION, () -> session.iotCredentials(PURIFIER.serial())).isRetryable());
        assertNotNull(session.iotCredentials(PURIFIER.serial()));
    }
}
