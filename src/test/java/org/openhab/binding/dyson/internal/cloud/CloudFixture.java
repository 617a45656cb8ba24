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

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestClock;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;

/**
 * The cloud side of the test world for one test: the API stand-in with one account and three devices, a Jetty
 * client trusting the test CA, and a clock the test moves.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class CloudFixture implements AutoCloseable {

    static final String EMAIL = "user@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static final StandInDevice PURIFIER = StandInDevice.purifier("AB1-EU-KAA0000A", "438", "K", "TP07");
    static final StandInDevice CLOUD_ONLY = StandInDevice.purifier("CD2-EU-PHA1234B", "527", "M", "HP09")
            .cloudOnly();
    static final StandInDevice LOCAL_ONLY = StandInDevice.purifier("EF3-EU-MEA5678C", "475", null, "TP02")
            .withRemoteBrokerType(null).withName(null);

    final IotAuthority authority = new IotAuthority();
    final DysonCloudStandIn standIn;
    final HttpClient http;
    final TestClock clock = new TestClock(Instant.parse("2026-01-01T12:00:00Z"));

    CloudFixture() throws Exception {
        standIn = DysonCloudStandIn.start(authority);
        standIn.addAccount(EMAIL, PASSWORD);
        standIn.addDevice(EMAIL, PURIFIER);
        standIn.addDevice(EMAIL, CLOUD_ONLY);
        standIn.addDevice(EMAIL, LOCAL_ONLY);
        http = TestHttpClients.startTrustingTestCa();
    }

    DysonCloudClient client() {
        return client(Duration.ofSeconds(5));
    }

    DysonCloudClient client(Duration timeout) {
        return new DysonCloudClient(http, standIn.baseUrl(), "GB", "en-GB", timeout);
    }

    DysonAccountSession session(@Nullable String token, @Nullable LoginChallenge challenge) {
        return new DysonAccountSession(client(), EMAIL, PASSWORD, token, challenge, clock);
    }

    /** Runs the whole login as a user would, reading the code from the "mail". */
    DysonAccountSession loggedInSession() throws DysonCloudException {
        DysonAccountSession session = session(null, null);
        session.start();
        String code = standIn.lastCodeFor(EMAIL);
        if (code == null) {
            throw new IllegalStateException("no code was mailed");
        }
        session.completeLogin(code);
        return session;
    }

    @Override
    public void close() throws Exception {
        http.stop();
        standIn.close();
    }
}
