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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.transport.TransportKind.CLOUD;
import static org.openhab.binding.dyson.internal.transport.TransportKind.LOCAL;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.config.DeviceConfiguration;
import org.openhab.binding.dyson.internal.transport.TransportChoice.Gap;
import org.openhab.binding.dyson.internal.transport.TransportChoice.LocalPath;

/**
 * The transport decision alone: which paths a link tries in which order for each mode, what it says about its first
 * choice, and what happens when the preferred or the fallback path is not possible.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class TransportChoiceTest {

    private static TransportChoice choice(TransportMode mode, boolean wss, LocalPath local, boolean account) {
        return new TransportChoice(mode, wss, local, account);
    }

    @Test
    void autoFollowsTheAccountsBrokerType() {
        assertEquals(List.of(CLOUD, LOCAL), choice(TransportMode.AUTO, true, LocalPath.POSSIBLE, true).order());
        assertEquals(List.of(LOCAL, CLOUD), choice(TransportMode.AUTO, false, LocalPath.POSSIBLE, true).order());
        assertEquals("account marks device as cloud (wss)",
                choice(TransportMode.AUTO, true, LocalPath.POSSIBLE, true).reason(CLOUD));
        assertEquals("local network", choice(TransportMode.AUTO, false, LocalPath.POSSIBLE, true).reason(LOCAL));
    }

    @Test
    void localFirstPrefersTheLocalPathWhateverTheAccountSays() {
        for (boolean wss : List.of(true, false)) {
            TransportChoice choice = choice(TransportMode.LOCAL_FIRST, wss, LocalPath.POSSIBLE, true);
            assertEquals(List.of(LOCAL, CLOUD), choice.order(), "wss " + wss);
            assertEquals(LOCAL, choice.preferred());
            assertEquals("configured: local first", choice.reason(LOCAL));
            assertNull(choice.gap());
            assertFalse(choice.onlyThroughAccount());
        }
    }

    @Test
    void cloudFirstPrefersTheCloudWhateverTheAccountSays() {
        for (boolean wss : List.of(true, false)) {
            TransportChoice choice = choice(TransportMode.CLOUD_FIRST, wss, LocalPath.POSSIBLE, true);
            assertEquals(List.of(CLOUD, LOCAL), choice.order(), "wss " + wss);
            assertEquals(CLOUD, choice.preferred());
            assertEquals("configured: cloud first", choice.reason(CLOUD));
            assertNull(choice.gap());
        }
    }

    @Test
    void localFirstWithoutALocalPathUsesTheCloudAloneAndSaysWhy() {
        TransportChoice noCredentials = choice(TransportMode.LOCAL_FIRST, true, LocalPath.NO_CREDENTIALS, true);
        assertEquals(List.of(CLOUD), noCredentials.order());
        assertEquals("local first not possible (no local credentials): cloud", noCredentials.reason(CLOUD));
        assertEquals(Gap.LOCAL_FIRST_NO_CREDENTIALS, noCredentials.gap());
        assertTrue(noCredentials.onlyThroughAccount());

        TransportChoice noHost = choice(TransportMode.LOCAL_FIRST, false, LocalPath.NO_HOST, true);
        assertEquals(List.of(CLOUD), noHost.order());
        assertEquals("local first not possible (no local host known): cloud", noHost.reason(CLOUD));
        assertEquals(Gap.LOCAL_FIRST_NO_HOST, noHost.gap());
    }

    @Test
    void cloudFirstWithoutAnAccountUsesTheLocalPathAloneAndSaysWhy() {
        TransportChoice choice = choice(TransportMode.CLOUD_FIRST, false, LocalPath.POSSIBLE, false);
        assertEquals(List.of(LOCAL), choice.order());
        assertEquals("cloud first not possible (no cloud account): local", choice.reason(LOCAL));
        assertEquals(Gap.CLOUD_FIRST_NO_ACCOUNT, choice.gap());
        assertFalse(choice.onlyThroughAccount());
    }

    @Test
    void aMissingFallbackLeavesThePreferredPathAloneWithoutAGap() {
        TransportChoice localOnly = choice(TransportMode.LOCAL_FIRST, false, LocalPath.POSSIBLE, false);
        assertEquals(List.of(LOCAL), localOnly.order());
        assertEquals("configured: local first", localOnly.reason(LOCAL));
        assertNull(localOnly.gap());

        TransportChoice cloudOnly = choice(TransportMode.CLOUD_FIRST, true, LocalPath.NO_CREDENTIALS, true);
        assertEquals(List.of(CLOUD), cloudOnly.order());
        assertEquals("configured: cloud first", cloudOnly.reason(CLOUD));
        assertNull(cloudOnly.gap());
        assertTrue(cloudOnly.onlyThroughAccount());
    }

    @Test
    void autoWithoutALocalPathUsesTheCloudAsItDidBefore() {
        assertEquals(List.of(CLOUD), choice(TransportMode.AUTO, false, LocalPath.NO_CREDENTIALS, true).order());
        assertEquals("no local credentials: cloud",
                choice(TransportMode.AUTO, false, LocalPath.NO_CREDENTIALS, true).reason(CLOUD));
        assertEquals("no local host known: cloud",
                choice(TransportMode.AUTO, false, LocalPath.NO_HOST, true).reason(CLOUD));
        assertNull(choice(TransportMode.AUTO, false, LocalPath.NO_HOST, true).gap(), "auto asked for nothing");
    }

    @Test
    void singlePathModesNeverFallBack() {
        assertEquals(List.of(LOCAL), choice(TransportMode.LOCAL, true, LocalPath.POSSIBLE, true).order());
        assertEquals(List.of(CLOUD), choice(TransportMode.CLOUD, false, LocalPath.POSSIBLE, true).order());
        assertEquals("configured: local", choice(TransportMode.LOCAL, true, LocalPath.POSSIBLE, true).reason(LOCAL));
        assertEquals(List.of(), choice(TransportMode.LOCAL, false, LocalPath.NO_CREDENTIALS, true).order());
        assertEquals(List.of(), choice(TransportMode.CLOUD, false, LocalPath.POSSIBLE, false).order());
        assertTrue(choice(TransportMode.CLOUD, false, LocalPath.POSSIBLE, true).onlyThroughAccount());
    }

    @Test
    void withoutAnyPathEveryModeSaysWhatIsMissing() {
        for (TransportMode mode : List.of(TransportMode.AUTO, TransportMode.LOCAL_FIRST, TransportMode.CLOUD_FIRST)) {
            TransportChoice none = choice(mode, true, LocalPath.NO_CREDENTIALS, false);
            assertEquals(List.of(), none.order(), mode.toString());
            assertEquals("no local credentials and no cloud account", none.noPathReason(), mode.toString());
            assertNull(none.gap(), mode.toString());
        }
        assertEquals("no local host and no cloud account",
                choice(TransportMode.LOCAL_FIRST, false, LocalPath.NO_HOST, false).noPathReason());
        assertEquals("no local host", choice(TransportMode.LOCAL, false, LocalPath.NO_HOST, true).noPathReason());
        assertEquals("no cloud account available",
                choice(TransportMode.CLOUD, false, LocalPath.POSSIBLE, false).noPathReason());
    }

    @Test
    void theConfigurationValuesParse() {
        assertEquals(TransportMode.LOCAL_FIRST, TransportMode.fromConfigValue("local-first"));
        assertEquals(TransportMode.CLOUD_FIRST, TransportMode.fromConfigValue(" Cloud-First "));
        assertEquals(TransportMode.AUTO, TransportMode.fromConfigValue(""));
        assertEquals(TransportMode.LOCAL, TransportMode.fromConfigValue("LOCAL"));
        for (TransportMode mode : TransportMode.values()) {
            assertEquals(mode, TransportMode.fromConfigValue(mode.configValue()));
        }
        for (String bad : List.of("local_first", "localfirst", "first", "both", "lan")) {
            assertNull(TransportMode.fromConfigValue(bad), bad);
        }
        DeviceConfiguration config = new DeviceConfiguration();
        config.transport = "cloud-first";
        assertEquals(TransportMode.CLOUD_FIRST, config.transportMode());
        config.transport = "sideways";
        assertNull(config.transportMode());
    }
}
