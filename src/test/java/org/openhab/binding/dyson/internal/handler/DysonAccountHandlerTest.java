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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.CLOUD_ONLY;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.EMAIL;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_CODE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.LINK;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PURIFIER;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.TIMEOUT;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_IOT_CREDENTIALS;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MANIFEST;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_PROVISIONING;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_REQUEST_CODE;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_USER_STATUS;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_VERIFY;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * The account bridge handler end to end against the Dyson cloud stand-in over HTTPS: login with the e-mailed code,
 * token reuse across restarts, the failures a user can meet, credentials for device things, and dispose.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonAccountHandlerTest {

    private static final String WRONG_CREDENTIALS = "@text/offline.account.wrong-credentials";
    private static final String TOKEN_INVALID = "@text/offline.account.token-invalid";
    private static final String RATE_LIMITED = "@text/offline.account.rate-limited";
    private static final String CLOUD_ERROR = "@text/offline.account.cloud-error";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private @NonNullByDefault({}) AccountFixture world;

    @BeforeEach
    void setUp() throws Exception {
        world = new AccountFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void firstLoginAsksForTheMailedCodeThenGoesOnlineAndKeepsTheToken() {
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        assertEquals(ThingStatus.UNKNOWN, world.statuses().get(0).getStatus(), "initialize sets UNKNOWN first");
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(0, world.standIn.requestCount(PATH_VERIFY));
        assertNull(world.configValue("token"));

        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        String token = world.storedToken();
        assertTrue(token != null && token.endsWith("-1"), "the token is in openHAB's storage");
        assertNull(world.configValue("token"), "the token is not in the configuration");
        assertNull(world.configValue("otpCode"), "the used code is cleared");
        assertFalse(world.configurationUpdates().isEmpty(), "the configuration was updated (the code cleared)");
        assertTrue(world.configurationUpdates().stream().allMatch(c -> c.get("token") == null),
                "no configuration update ever carried the token");
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE), "no second code");
        assertEquals(1, world.standIn.requestCount(PATH_VERIFY));
        assertEquals(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LINK.serial()),
                world.handler().devices().stream().map(CloudDevice::serialNumber).toList());
    }

    @Test
    void restartUsesTheTokenInTheStorageAndNeedsNoCode() {
        world.loggedIn();
        int manifests = world.standIn.requestCount(PATH_MANIFEST);

        world.restart();
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(1, world.standIn.requestCount(PATH_VERIFY));
        assertTrue(world.standIn.requestCount(PATH_MANIFEST) > manifests, "the token was used");
        assertEquals(3, world.handler().devices().size());
    }

    @Test
    void tokenInTheConfigurationOfAnOlderVersionMovesIntoTheStorage() {
        world.loggedIn();
        String token = Objects.requireNonNull(world.storedToken());
        world.storage.getKeys().forEach(world.storage::remove); // as an older version left it: in the configuration
        Map<String, @Nullable Object> configuration = new HashMap<>(AccountFixture.loginConfiguration());
        configuration.put("token", token);

        world.start(AccountFixture.bridge(configuration));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        assertNull(world.configValue("token"), "the configuration parameter is cleared");
        assertEquals(token, world.storedToken(), "the token is in openHAB's storage");
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE), "no new code");
        assertEquals(1, world.standIn.requestCount(PATH_VERIFY));
        List<String> moved = logs.lines().stream().filter(l -> l.contains("moved the access token")).toList();
        assertEquals(1, moved.size(), "one line tells about the move: " + moved);
        assertTrue(moved.get(0).startsWith("INFO"), moved.get(0));
        logs.assertNoneContains(List.of(token));
    }

    @Test
    void tokenPastedIntoTheConfigurationOverridesTheStoredOneAndMovesIntoTheStorage() {
        world.loggedIn();
        String old = Objects.requireNonNull(world.storedToken());
        world.standIn.revokeTokens();
        String pasted = world.standIn.issueToken(EMAIL); // e.g. from another tool's login

        world.handler().handleConfigurationUpdate(Map.of("token", pasted));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        assertNotEquals(old, pasted);
        assertEquals(pasted, world.storedToken(), "the pasted token replaced the stored one");
        assertNull(world.configValue("token"), "and is shown empty again");
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE), "no new code: the pasted token works");
        assertEquals(3, world.handler().devices().size());
    }

    @Test
    void fileDefinedThingFindsTheTokenInTheStorage() {
        world.loggedIn();

        world.startNew(); // a .things file: the configuration never gets the token
        assertNull(world.configValue("token"));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(1, world.standIn.requestCount(PATH_VERIFY));
    }

    @Test
    void wrongCodeIsRefusedAndClearedThenTheRightOneStillWorks() {
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        String code = world.mailedCode();

        world.enterCode(code.equals("123456") ? "654321" : "123456");
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, WRONG_CREDENTIALS);
        assertNull(world.configValue("otpCode"), "the wrong code is cleared");
        assertNull(world.configValue("token"));
        assertTrue(world.storage.getValues().stream().noneMatch(v -> v != null && v.endsWith("-1")), "no token");

        world.enterCode(code);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE), "the pending code stayed valid");
    }

    @Test
    void rateLimitedCodeRequestKeepsWaitingForTheCodeMailedBefore() {
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        String code = world.mailedCode();

        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);
        world.restart();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(code, world.mailedCode(), "Dyson mailed no other code");

        world.enterCode(code);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
    }

    @Test
    void expiredPendingCodeIsForgottenAndANewOneRequested() {
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        String oldCode = world.mailedCode();
        String key = "challenge:" + EMAIL.toLowerCase(Locale.ROOT);
        String stored = Objects.requireNonNull(world.storage.get(key));
        long elevenMinutesAgo = Instant.now().minus(Duration.ofMinutes(11)).toEpochMilli();
        world.storage.put(key, stored.substring(0, stored.lastIndexOf('|') + 1) + elevenMinutesAgo);

        world.enterCode(oldCode); // typed too late: Dyson's codes last only minutes
        await().atMost(AccountFixture.TIMEOUT).until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == 2);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        assertEquals(0, world.standIn.requestCount(PATH_VERIFY), "the stale code was not tried");
        assertNull(world.configValue("otpCode"));

        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
    }

    @Test
    void revokedTokenWithoutANewCodeSaysThatNoCodeWasSent() {
        DysonAccountHandler handler = world.loggedIn();
        world.standIn.revokeTokens();
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);

        handler.refreshDevicesSoon();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.token-invalid-no-code");
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void rateLimitedCodeRequestWithoutAPendingCodeIsACommunicationError() {
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, RATE_LIMITED);
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertNull(world.standIn.lastCodeFor(EMAIL));
    }

    @Test
    void revokedTokenAsksForExactlyOneNewCode() throws Exception {
        DysonAccountHandler handler = world.loggedIn();
        world.standIn.revokeTokens();

        handler.refreshDevicesSoon();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE), "one new code");
        assertNull(world.storedToken());
        assertTrue(world.storage.getValues().stream().noneMatch(v -> v != null && v.endsWith("-1")), "no token");

        int manifests = world.standIn.requestCount(PATH_MANIFEST);
        handler.refreshDevicesSoon();
        assertThrows(DysonCloudException.class, () -> handler.iotCredentials(PURIFIER.serial()));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == 2
                        && world.standIn.requestCount(PATH_MANIFEST) == manifests);
        assertEquals(1, world.statuses().stream().filter(s -> TOKEN_INVALID.equals(s.getDescription())).count());

        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertNotNull(world.storedToken());
        assertNull(world.configValue("token"));
    }

    @Test
    void tokenRevokedWhileOpenHabWasDownAsksForOneNewCodeAtRestart() {
        world.loggedIn();
        world.standIn.revokeTokens();

        world.restart();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertNull(world.storedToken());

        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void tokenRejectedOnAnIotCredentialsRequestAsksForOneNewCode() {
        DysonAccountHandler handler = world.loggedIn();
        world.standIn.revokeTokens();

        DysonCloudException e = assertThrows(DysonCloudException.class,
                () -> handler.iotCredentials(PURIFIER.serial()));
        assertEquals(DysonCloudException.Kind.TOKEN_INVALID, e.getKind());
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
        assertEquals(2, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilOnline() {
        world.loggedIn();
        world.standIn.failNext(PATH_PROVISIONING, 503, 1);
        world.standIn.failNext(PATH_MANIFEST, 502, 1);

        world.restart();
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        List<String> errors = world.statuses().stream()
                .filter(s -> s.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR)
                .map(s -> String.valueOf(s.getDescription())).toList();
        assertEquals(2, errors.size(), "two failures before success: " + errors);
        assertTrue(errors.get(0).startsWith(CLOUD_ERROR) && errors.get(0).contains("HTTP 503"), errors.get(0));
        assertTrue(errors.get(1).startsWith(CLOUD_ERROR) && errors.get(1).contains("HTTP 502"), errors.get(1));
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void malformedDeviceListIsACommunicationErrorWithAClearTextThenRecovers() {
        DysonAccountHandler handler = world.loggedIn();
        world.standIn.malformedNext(PATH_MANIFEST, 1);

        handler.refreshDevicesSoon();
        await().atMost(TIMEOUT).until(() -> world.statuses().contains(new ThingStatusInfo(ThingStatus.OFFLINE,
                ThingStatusDetail.COMMUNICATION_ERROR,
                CLOUD_ERROR + " [\"The answer to Dyson cloud call 'manifest' is not valid JSON\"]")));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(1, world.standIn.requestCount(PATH_REQUEST_CODE));
        assertEquals(3, handler.devices().size());
    }

    @Test
    void cloudOnlyDeviceHasNoLocalCredentialsButFreshIotCredentials() throws Exception {
        DysonAccountHandler handler = world.loggedIn();

        assertNull(handler.localCredentials(CLOUD_ONLY.serial()));
        IotCredentials credentials = handler.iotCredentials(CLOUD_ONLY.serial());

        IotAuthority.Grant grant = world.standIn.lastGrant(CLOUD_ONLY.serial());
        assertNotNull(grant);
        assertEquals(grant.clientId(), credentials.clientId());
        assertEquals(grant.authorizerName(), credentials.customAuthorizerName());
        assertEquals(grant.tokenKey(), credentials.tokenKey());
        assertEquals(grant.tokenValue(), credentials.tokenValue());
        assertEquals(grant.tokenSignature(), credentials.tokenSignature());
        assertEquals(1, world.standIn.requestCount(PATH_IOT_CREDENTIALS));
    }

    @Test
    void localCredentialsAreDecryptedFromTheDeviceList() {
        DysonAccountHandler handler = world.loggedIn();

        assertEquals(new LocalCredentials(PURIFIER.serial(), String.valueOf(PURIFIER.localPassword())),
                handler.localCredentials(PURIFIER.serial()));
        assertEquals(new LocalCredentials(LINK.serial(), String.valueOf(LINK.localPassword())),
                handler.localCredentials(LINK.serial().toLowerCase()));
        assertNull(handler.localCredentials("XX9-EU-NOT0000X"));
    }

    @Test
    void disposeLeavesNoJobAndMakesNoMoreRequests() {
        DysonAccountHandler handler = world.loggedIn();
        assertFalse(world.newSchedulerJobs().isEmpty(), "the device list refresh is scheduled");

        world.stop();
        assertTrue(world.newSchedulerJobs().isEmpty(), "no job left after dispose");
        handler.refreshDevicesSoon();
        int manifests = world.standIn.requestCount(PATH_MANIFEST);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> world.standIn.requestCount(PATH_MANIFEST) == manifests);
    }

    @Test
    void disposeCancelsAPendingRetry() {
        world.standIn.failNext(PATH_PROVISIONING, 503, 1);
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                CLOUD_ERROR + " [\"Dyson cloud call 'provisioning' failed with HTTP 503 (server error)\"]");
        // the status is set just before the retry is scheduled
        await().atMost(TIMEOUT).until(() -> !world.newSchedulerJobs().isEmpty());

        world.stop();
        assertTrue(world.newSchedulerJobs().isEmpty(), "no job left after dispose");
        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(3))
                .until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);
        assertEquals(0, world.standIn.requestCount(PATH_REQUEST_CODE));
    }

    @Test
    void disposeDuringALoginStopsItBeforeACodeIsRequested() {
        world.standIn.delayNext(PATH_PROVISIONING, Duration.ofMillis(1500), 1);
        world.startNew();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);

        world.stop();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> world.standIn.requestCount(PATH_USER_STATUS) == 0
                        && world.standIn.requestCount(PATH_REQUEST_CODE) == 0);
        assertTrue(world.newSchedulerJobs().isEmpty(), "no job left after dispose");
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains("already disposed")), "no update after dispose");
    }

    @Test
    void configurationChangeDuringALoginLeavesOneLogin() {
        world.standIn.delayNext(PATH_PROVISIONING, Duration.ofMillis(1500), 1);
        world.startNew();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);

        world.handler().handleConfigurationUpdate(Map.of("refreshInterval", 600));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        ThingStatusInfo pending = world.lastStatus();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == 1 && pending == world.lastStatus());
    }

    @Test
    void removingTheAccountForgetsItsTokenInTheStorage() {
        DysonAccountHandler handler = world.loggedIn();
        assertFalse(world.storage.getKeys().isEmpty());
        handler.dispose();
        handler.handleRemoval();
        assertTrue(world.storage.getKeys().isEmpty(), "no token or challenge left behind");
        world.awaitStatus(ThingStatus.REMOVED, ThingStatusDetail.NONE, null);
    }

    @Test
    void missingLoginIsAConfigurationErrorWithoutAnyRequest() {
        world.start(AccountFixture.bridge(Map.<String, Object> of("email", EMAIL, "countryCode", "GB")));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.missing-login");
        assertEquals(0, world.standIn.requestCount(PATH_PROVISIONING));
    }
}
