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
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession.LoginStep;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestClock;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;

/**
 * Mobile-number login (Dyson's servers in China) through {@link DysonCloudClient} and {@link DysonAccountSession}
 * against the China stand-in over HTTPS: user status, code by SMS, verify, token, device list; the exact fields of
 * each call, a wrong code, a refused status call, and that the global servers and other countries have none of it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MobileLoginTest {

    private static final String MOBILE = "+8613800138000";
    private static final StandInDevice PURIFIER = StandInDevice.purifier("AB1-CN-KAA0000A", "438", "K", "TP07");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T12:00:00Z"));
    private @NonNullByDefault({}) DysonCloudStandIn china;
    private @NonNullByDefault({}) HttpClient http;

    @BeforeEach
    void setUp() throws Exception {
        china = DysonCloudStandIn.startChina(new IotAuthority());
        china.addMobileAccount(MOBILE);
        china.addDevice(MOBILE, PURIFIER);
        http = TestHttpClients.startTrustingTestCa();
    }

    @AfterEach
    void tearDown() throws Exception {
        http.stop();
        china.close();
    }

    private DysonCloudClient client(DysonCloudStandIn standIn, String country) {
        return new DysonCloudClient(http, standIn.baseUrl(), country, DysonCloudClient.defaultCulture(country),
                Duration.ofSeconds(5));
    }

    private DysonAccountSession session() {
        return DysonAccountSession.mobile(client(china, "CN"), MOBILE, null, null, clock);
    }

    @Test
    void userStatusThenCodeBySmsThenVerifyGiveATokenThatReadsTheDevices() throws Exception {
        DysonAccountSession session = session();
        assertTrue(session.isMobileLogin());

        assertEquals(LoginStep.CODE_REQUESTED, session.start());
        assertEquals(1, china.requestCount(PATH_PROVISIONING));
        assertEquals(1, china.requestCount(PATH_MOBILE_USER_STATUS));
        assertEquals(Set.of("mobile"), china.lastRequestFields(PATH_MOBILE_USER_STATUS));
        assertEquals("country=CN", china.lastQuery(PATH_MOBILE_USER_STATUS));
        assertEquals(Set.of("mobile"), china.lastRequestFields(PATH_MOBILE_REQUEST_CODE));
        assertEquals("country=CN&culture=zh-CN", china.lastQuery(PATH_MOBILE_REQUEST_CODE));
        assertNotNull(session.challenge());
        assertEquals(0, china.requestCount(PATH_REQUEST_CODE), "no e-mail");

        String token = session.completeLogin(String.valueOf(china.lastCodeFor(MOBILE)));
        assertEquals(Set.of("mobile", "challengeId", "otpCode"), china.lastRequestFields(PATH_MOBILE_VERIFY),
                "no password: the code is the credential");
        assertEquals("country=CN&culture=zh-CN", china.lastQuery(PATH_MOBILE_VERIFY));
        assertTrue(token.endsWith("-1"));
        assertEquals(token, session.token());
        assertNull(session.challenge());
        assertEquals(List.of(PURIFIER.serial()), session.devices().stream().map(CloudDevice::serialNumber).toList());
    }

    @Test
    void wrongCodeIsWrongCredentialsAndKeepsTheChallengeForTheRightOne() throws Exception {
        DysonAccountSession session = session();
        session.start();
        String code = String.valueOf(china.lastCodeFor(MOBILE));

        DysonCloudException e = assertThrows(DysonCloudException.class,
                () -> session.completeLogin(code.equals("111111") ? "222222" : "111111"));
        assertEquals(Kind.WRONG_CREDENTIALS, e.getKind());
        assertFalse(session.isLoggedIn());
        assertNotNull(session.challenge());

        session.completeLogin(code);
        assertTrue(session.isLoggedIn());
        assertEquals(1, china.requestCount(PATH_MOBILE_REQUEST_CODE));
    }

    @Test
    void refusedStatusCallStillSendsTheCode() throws Exception {
        china.failNext(PATH_MOBILE_USER_STATUS, 403, 1); // as one public client met it on the real servers

        assertEquals(LoginStep.CODE_REQUESTED, session().start());
        assertEquals(1, china.requestCount(PATH_MOBILE_REQUEST_CODE));
    }

    @Test
    void failingStatusCallIsRetriedLaterWithoutACode() {
        china.failNext(PATH_MOBILE_USER_STATUS, 503, 1);

        DysonCloudException e = assertThrows(DysonCloudException.class, () -> session().start());
        assertEquals(Kind.COMMUNICATION, e.getKind());
        assertEquals(0, china.requestCount(PATH_MOBILE_REQUEST_CODE));
    }

    @Test
    void unknownNumberIsNotActiveAndGetsNoCode() {
        DysonAccountSession unknown = DysonAccountSession.mobile(client(china, "CN"), "+8613700000000", null, null,
                clock);

        DysonCloudException e = assertThrows(DysonCloudException.class, unknown::start);
        assertEquals(Kind.ACCOUNT_NOT_ACTIVE, e.getKind());
        assertTrue(String.valueOf(e.getMessage()).contains("check the mobile number"), e.getMessage());
        assertEquals(0, china.requestCount(PATH_MOBILE_REQUEST_CODE));
    }

    @Test
    void rateLimitedCodeRequestReusesTheCodeSentBefore() throws Exception {
        DysonAccountSession first = session();
        first.start();
        String code = String.valueOf(china.lastCodeFor(MOBILE));
        china.failNext(PATH_MOBILE_REQUEST_CODE, 429, 1);

        DysonAccountSession second = DysonAccountSession.mobile(client(china, "CN"), MOBILE, null, first.challenge(),
                clock);
        assertEquals(LoginStep.CODE_REQUESTED, second.start());
        second.completeLogin(code);
        assertTrue(second.isLoggedIn());
    }

    @Test
    void onlyTheChinaClientMakesMobileCallsAndOnlyTheChinaServersAnswerThem() throws Exception {
        DysonCloudClient global = client(china, "GB");
        assertThrows(IllegalStateException.class, () -> global.requestSmsCode(MOBILE));
        assertThrows(IllegalStateException.class, () -> global.mobileUserStatus(MOBILE));
        assertThrows(IllegalStateException.class, () -> global.verifyMobile(MOBILE, "id", "123456"));
        assertEquals(0, china.requestCount(PATH_MOBILE_REQUEST_CODE) + china.requestCount(PATH_MOBILE_USER_STATUS)
                + china.requestCount(PATH_MOBILE_VERIFY), "no request was sent");

        try (DysonCloudStandIn globalServers = DysonCloudStandIn.start(new IotAuthority())) {
            DysonCloudException e = assertThrows(DysonCloudException.class,
                    () -> client(globalServers, "CN").requestSmsCode(MOBILE));
            assertEquals(Kind.NOT_FOUND, e.getKind());
        }
    }

    @Test
    void noNumberCodeOrTokenIsLoggedOrPutIntoAMessage() throws Exception {
        DysonAccountSession session = session();
        session.start();
        String code = String.valueOf(china.lastCodeFor(MOBILE));
        String wrongCode = code.equals("333333") ? "444444" : "333333";
        DysonCloudException wrong = assertThrows(DysonCloudException.class, () -> session.completeLogin(wrongCode));
        String token = session.completeLogin(code);
        session.devices();
        china.revokeTokens();
        DysonCloudException rejected = assertThrows(DysonCloudException.class, session::devices);
        china.failNext(PATH_MOBILE_USER_STATUS, 403, 1);
        DysonAccountSession again = session();
        again.start();

        List<String> secrets = List.of(MOBILE, MOBILE.substring(1), MOBILE.substring(3), code, wrongCode, token);
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("'verify mobile'")),
                "the client's debug lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE")), "trace lines are captured");
        logs.assertNoneContains(secrets);
        for (String message : List.of(String.valueOf(wrong.getMessage()), String.valueOf(rejected.getMessage()))) {
            for (String secret : secrets) {
                assertFalse(message.contains(secret), "a secret in: " + message.replace(secret, "<SECRET>"));
            }
        }
    }
}
