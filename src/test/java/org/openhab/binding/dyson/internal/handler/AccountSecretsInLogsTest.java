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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_CODE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.LINK;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PURIFIER;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.TIMEOUT;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MANIFEST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.discovery.DysonDeviceDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * Runs the account bridge through login with a wrong and a right code, discovery, local and IoT credential fetches,
 * a revoked token, a second login and a start with the token in the configuration (moved into the storage), with
 * every logger at TRACE, and fails if the password, a code, a token, a local MQTT password or an IoT token value or
 * signature appears in a log line, a status description, a discovery result or an exception message.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class AccountSecretsInLogsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private @NonNullByDefault({}) AccountFixture world;
    private final List<String> secrets = new ArrayList<>();
    private final List<String> visible = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        world = new AccountFixture();
        secrets.add(PASSWORD);
        secrets.add(String.valueOf(PURIFIER.localPassword()));
        secrets.add(String.valueOf(LINK.localPassword()));
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void noSecretIsLoggedShownOrPutIntoAMessage() throws Exception {
        world.startNew();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        String code = world.mailedCode();
        String wrongCode = code.equals("987654") ? "876543" : "987654";
        secrets.add(code);
        secrets.add(wrongCode);
        world.enterCode(wrongCode);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.wrong-credentials");
        world.enterCode(code);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        secrets.add(String.valueOf(world.storedToken()));
        DysonAccountHandler handler = world.handler();

        DysonDeviceDiscoveryService discovery = new DysonDeviceDiscoveryService();
        discovery.setThingHandler(handler);
        discovery.initialize();
        DiscoveryListener inbox = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(inbox);
        ArgumentCaptor<DiscoveryResult> discovered = ArgumentCaptor.forClass(DiscoveryResult.class);
        verify(inbox, times(3)).thingDiscovered(same(discovery), discovered.capture());
        List<DiscoveryResult> results = discovered.getAllValues();
        assertEquals(3, results.size());
        results.forEach(result -> visible.add(result.getLabel() + " " + result.getProperties()));

        for (CloudDevice device : handler.devices()) {
            visible.add(device.toString());
            LocalCredentials local = handler.localCredentials(device.serialNumber());
            if (local != null) {
                visible.add(local.toString());
            }
            IotCredentials iot = handler.iotCredentials(device.serialNumber());
            secrets.add(iot.tokenValue());
            secrets.add(iot.tokenSignature());
            visible.add(iot.toString());
        }
        world.standIn.malformedNext(PATH_MANIFEST, 1);
        handler.refreshDevicesSoon();
        await().atMost(TIMEOUT).until(() -> world.statuses().stream()
                .anyMatch(s -> s.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);

        world.standIn.revokeTokens();
        DysonCloudException rejected = assertThrows(DysonCloudException.class,
                () -> world.handler().iotCredentials("XX9-EU-NOT0000X"));
        visible.add(String.valueOf(rejected.getMessage()));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.account.token-invalid");
        String secondCode = world.mailedCode();
        secrets.add(secondCode);
        world.enterCode(secondCode);
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        String secondToken = world.storedToken();
        assertNotNull(secondToken);
        secrets.add(secondToken);
        discovery.dispose();

        // an older version's configuration with the token in it: moved into the storage, logged without the token
        world.storage.getKeys().forEach(world.storage::remove);
        Map<String, @Nullable Object> configuration = new HashMap<>(AccountFixture.loginConfiguration());
        configuration.put("token", secondToken);
        world.start(AccountFixture.bridge(configuration));
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertEquals(secondToken, world.storedToken());

        ArgumentCaptor<ThingStatusInfo> statuses = ArgumentCaptor.forClass(ThingStatusInfo.class);
        verify(world.callback, atLeastOnce()).statusUpdated(any(), statuses.capture());
        statuses.getAllValues().forEach(status -> visible.add(status.toString()));

        List<String> lines = logs.lines();
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("logged in with the e-mailed code")),
                "the handler's debug lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE")), "trace lines are captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO") && l.contains("moved the access token")),
                "the line about the token moved out of the configuration is captured");
        assertEquals(14, secrets.size(), "password, 2 local passwords, 3 codes, 2 tokens, 3 IoT values, signatures");
        logs.assertNoneContains(secrets);
        for (String text : visible) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in: " + text.replace(secret, "<SECRET>"));
            }
        }
    }
}
