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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.CLOUD_ONLY;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_SMS_CODE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.LINK;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.MOBILE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PURIFIER;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MANIFEST;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MOBILE_REQUEST_CODE;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MOBILE_USER_STATUS;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MOBILE_VERIFY;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_PROVISIONING;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_REQUEST_CODE;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_USER_STATUS;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_VERIFY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * An account in mainland China that logs in with its mobile number, end to end against the stand-in for Dyson's
 * servers in China: the code sent by SMS, a wrong code, the token kept across restarts, a rejected token, the
 * configuration mistakes a user can make, and no number, code or token in the log.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MobileAccountHandlerTest {

    private static final String WRONG_SMS_CODE = "@text/offline.account.wrong-sms-code";
    private static final String TOKEN_INVALID_SMS = "@text/offline.account.token-invalid-sms";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private @NonNullByDefault({}) AccountFixture world;

    @BeforeEach
    void setUp() throws Exception {
        world = AccountFixture.china();
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void mobileNumberLogsInWithTheCodeSentBySmsAndListsTheDevices() {
        world.startNewMobile();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_SMS_CODE);
        assertEquals(1, world.standIn.requestCount(PATH_PROVISIONING));
        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_USER_STATUS));
        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE));
        assertEquals(0, world.standIn.requestCount(PATH_MOBILE_VERIFY));

        world.enterCode(world.smsCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_VERIFY));
        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE), "no second code");
        assertEquals(0, world.standIn.requestCount(PATH_USER_STATUS) + world.standIn.requestCount(PATH_REQUEST_CODE)
                + world.standIn.requestCount(PATH_VERIFY), "no e-mail login call");
        assertTrue(world.standIn.requestCount(PATH_MANIFEST) > 0);
        assertEquals(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LINK.serial()),
                world.handler().devices().stream().map(CloudDevice::serialNumber).toList());
        String token = world.storedToken(MOBILE);
        assertTrue(token != null && token.endsWith("-1"), "the token is kept under the number as Dyson takes it");
        assertNull(world.configValue("token"));
        assertNull(world.configValue("otpCode"), "the used code is cleared");
        assertEquals("139 1234 5678", world.configValue("mobile"), "the number stays as the user typed it");

        world.restart();
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE), "a restart needs no new code");
    }

    @Test
    void wrongSmsCodeIsRefusedAndClearedThenTheRightOneStillWorks() {
        world.startNewMobile();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_SMS_CODE);
        String code = world.smsCode();

        world.enterCode(code.equals("123456") ? "654321" : "123456");
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, WRONG_SMS_CODE);
        assertNull(world.configValue("otpCode"), "the wrong code is cleared");
        assertNull(world.storedToken(MOBILE));

        world.enterCode(code);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(1, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE), "the pending code stayed valid");
        assertEquals(2, world.standIn.requestCount(PATH_MOBILE_VERIFY));
    }

    @Test
    void revokedTokenAsksForOneNewCodeBySms() {
        world.startNewMobile();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_SMS_CODE);
        world.enterCode(world.smsCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        world.standIn.revokeTokens();

        world.handler().refreshDevicesSoon();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID_SMS);
        assertEquals(2, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE), "one new code");
        assertNull(world.storedToken(MOBILE));

        world.enterCode(world.smsCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
    }

    @Test
    void mobileNumberOutsideChinaIsAConfigurationErrorWithoutAnyRequest() {
        Map<String, Object> configuration = new HashMap<>(AccountFixture.mobileLoginConfiguration());
        configuration.put("countryCode", "GB");
        world.start(AccountFixture.bridge(new HashMap<>(configuration)));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.mobile-needs-cn");
        assertEquals(0, world.standIn.requestCount(PATH_PROVISIONING));
    }

    @Test
    void eMailAndMobileNumberTogetherAreAConfigurationError() {
        Map<String, Object> configuration = new HashMap<>(AccountFixture.mobileLoginConfiguration());
        configuration.put("email", AccountFixture.EMAIL);
        configuration.put("password", AccountFixture.PASSWORD);
        world.start(AccountFixture.bridge(new HashMap<>(configuration)));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.email-or-mobile");
        assertEquals(0, world.standIn.requestCount(PATH_PROVISIONING));
    }

    @Test
    void somethingElseThanAMobileNumberIsAConfigurationError() {
        Map<String, Object> configuration = new HashMap<>(AccountFixture.mobileLoginConfiguration());
        configuration.put("mobile", "12345");
        world.start(AccountFixture.bridge(new HashMap<>(configuration)));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.bad-mobile");
        assertEquals(0, world.standIn.requestCount(PATH_PROVISIONING));
    }

    @Test
    void eMailAccountOnTheChinaServersStillLogsInByEMail() {
        Map<String, Object> configuration = new HashMap<>(AccountFixture.loginConfiguration());
        configuration.put("countryCode", "CN");
        world.start(AccountFixture.bridge(new HashMap<>(configuration)));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, AccountFixture.ENTER_CODE);
        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(0, world.standIn.requestCount(PATH_MOBILE_REQUEST_CODE));
    }

    @Test
    void noMobileNumberCodeOrTokenIsLoggedOrShown() {
        world.startNewMobile();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_SMS_CODE);
        String code = world.smsCode();
        String wrongCode = code.equals("987654") ? "876543" : "987654";
        world.enterCode(wrongCode);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, WRONG_SMS_CODE);
        world.enterCode(code);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        String token = world.storedToken(MOBILE);
        assertNotNull(token);
        world.standIn.revokeTokens();
        world.handler().refreshDevicesSoon();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID_SMS);
        String secondCode = world.smsCode();

        // the number in every form a user may type or Dyson may take it
        List<String> secrets = List.of(MOBILE, "8613912345678", "13912345678", "139 1234 5678", code,
                wrongCode, secondCode, token);
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("logged in with the SMS code")),
                "the handler's debug lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE") && l.contains("mobile user status")),
                "the cloud client's trace lines are captured");
        logs.assertNoneContains(secrets);
        ArgumentCaptor<ThingStatusInfo> statuses = ArgumentCaptor.forClass(ThingStatusInfo.class);
        verify(world.callback, atLeastOnce()).statusUpdated(any(), statuses.capture());
        List<String> visible = new ArrayList<>();
        statuses.getAllValues().forEach(status -> visible.add(status.toString()));
        world.handler().devices().forEach(device -> visible.add(device.toString()));
        for (String text : visible) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in: " + text.replace(secret, "<SECRET>"));
            }
        }
    }
}
