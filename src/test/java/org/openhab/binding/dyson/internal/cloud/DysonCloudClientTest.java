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
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.*;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.openhab.binding.dyson.internal.testworld.TestPki;

/**
 * {@link DysonCloudClient} against the cloud API stand-in over real HTTPS: requests, answers and failures.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonCloudClientTest {

    private @NonNullByDefault({}) CloudFixture world;
    private @NonNullByDefault({}) DysonCloudClient client;

    @BeforeEach
    void setUp() throws Exception {
        world = new CloudFixture();
        client = world.client();
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    @Test
    void choosesTheChinaHostOnlyForChina() {
        assertEquals("https://appapi.cp.dyson.cn", DysonCloudClient.baseUrlFor("CN"));
        assertEquals("https://appapi.cp.dyson.cn", DysonCloudClient.baseUrlFor("cn"));
        assertEquals("https://appapi.cp.dyson.com", DysonCloudClient.baseUrlFor("GB"));
        assertEquals("https://appapi.cp.dyson.com", DysonCloudClient.baseUrlFor("HK"));
        assertEquals(DysonCloudClient.CHINA_BASE_URL, new DysonCloudClient(world.http, "cn").baseUrl());
        assertEquals(DysonCloudClient.GLOBAL_BASE_URL, new DysonCloudClient(world.http, "DE").baseUrl());
        assertEquals("zh-CN", DysonCloudClient.defaultCulture("CN"));
        assertEquals("en-DE", DysonCloudClient.defaultCulture("de"));
    }

    @Test
    void rejectsAnInvalidCountry() {
        assertThrows(IllegalArgumentException.class, () -> new DysonCloudClient(world.http, "GBR"));
        assertThrows(IllegalArgumentException.class, () -> new DysonCloudClient(world.http, ""));
    }

    @Test
    void provisioningReturnsTheAppVersion() throws Exception {
        assertEquals(APP_VERSION, client.provision());
    }

    @Test
    void loginCallsSendCountryAndCulture() throws Exception {
        assertEquals("ACTIVE", client.userStatus(EMAIL));
        assertEquals("country=GB", world.standIn.lastQuery(PATH_USER_STATUS));
        String challenge = client.requestCode(EMAIL);
        assertEquals("country=GB&culture=en-GB", world.standIn.lastQuery(PATH_REQUEST_CODE));
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);
        String token = client.verify(EMAIL, PASSWORD, challenge, code);
        assertEquals("country=GB&culture=en-GB", world.standIn.lastQuery(PATH_VERIFY));
        assertTrue(token.matches("[0-9A-F]{64}-1"));
    }

    @Test
    void unknownAddressIsNotActive() throws Exception {
        assertEquals("UNREGISTERED", client.userStatus("nobody@example.com"));
    }

    @Test
    void wrongCodeOrPasswordIsWrongCredentials() throws Exception {
        String challenge = client.requestCode(EMAIL);
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        assertKind(Kind.WRONG_CREDENTIALS, () -> client.verify(EMAIL, PASSWORD, challenge, wrongCode));
        assertKind(Kind.WRONG_CREDENTIALS, () -> client.verify(EMAIL, "wrong", challenge, code));
        world.standIn.failNext(PATH_VERIFY, 400, 1);
        assertKind(Kind.WRONG_CREDENTIALS, () -> client.verify(EMAIL, PASSWORD, challenge, code));
    }

    @Test
    void rateLimitIsNotRetryable() {
        world.standIn.failNext(PATH_REQUEST_CODE, 429, 1);
        DysonCloudException e = assertKind(Kind.RATE_LIMITED, () -> client.requestCode(EMAIL));
        assertFalse(e.isRetryable());
        assertEquals(429, e.getHttpStatus());
        assertTrue(String.valueOf(e.getMessage()).contains("request code"));
    }

    @Test
    void serverErrorIsRetryable() {
        world.standIn.failNext(PATH_PROVISIONING, 503, 1);
        DysonCloudException e = assertKind(Kind.COMMUNICATION, client::provision);
        assertTrue(e.isRetryable());
        assertEquals(503, e.getHttpStatus());
        assertTrue(String.valueOf(e.getMessage()).contains("provisioning"));
    }

    @Test
    void otherRefusalsAreRejected() {
        world.standIn.failNext(PATH_USER_STATUS, 415, 1);
        DysonCloudException e = assertKind(Kind.REJECTED, () -> client.userStatus(EMAIL));
        assertFalse(e.isRetryable());
        world.standIn.failNext(PATH_REQUEST_CODE, 401, 1);
        assertKind(Kind.REJECTED, () -> client.requestCode(EMAIL));
    }

    @Test
    void malformedJsonNamesTheCall() {
        world.standIn.malformedNext(PATH_USER_STATUS, 1);
        DysonCloudException e = assertKind(Kind.MALFORMED_RESPONSE, () -> client.userStatus(EMAIL));
        assertTrue(String.valueOf(e.getMessage()).contains("'user status'"), e.getMessage());
        assertFalse(e.isRetryable());
        world.standIn.malformedNext(PATH_MANIFEST, 1);
        assertKind(Kind.MALFORMED_RESPONSE, () -> client.devices(loginToken()));
    }

    @Test
    void missingRequiredFieldIsMalformed() throws Exception {
        String token = loginToken();
        world.standIn.addRawManifestEntry(EMAIL, "{}");
        world.standIn.failNext(PATH_USER_STATUS, 200, 1);
        DysonCloudException e = assertKind(Kind.MALFORMED_RESPONSE, () -> client.userStatus(EMAIL));
        assertTrue(String.valueOf(e.getMessage()).contains("accountStatus"), e.getMessage());
        assertEquals(3, client.devices(token).size());
    }

    @Test
    void timeoutIsRetryable() {
        DysonCloudClient impatient = world.client(Duration.ofMillis(300));
        world.standIn.delayNext(PATH_PROVISIONING, Duration.ofSeconds(3), 1);
        DysonCloudException e = assertKind(Kind.COMMUNICATION, impatient::provision);
        assertTrue(e.isRetryable());
        assertTrue(String.valueOf(e.getMessage()).contains("timed out"), e.getMessage());
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DysonCloudClient nowhere = new DysonCloudClient(world.http, "https://" + TestPki.CLOUD_API_HOST + ":"
                + closedPort, "GB", "en-GB", Duration.ofSeconds(5));
        assertTrue(assertKind(Kind.COMMUNICATION, nowhere::provision).isRetryable());
    }

    @Test
    void certificateForAnotherHostIsRefused() {
        DysonCloudClient wrongHost = new DysonCloudClient(world.http,
                "https://" + TestPki.UNCERTIFIED_HOST + ":" + world.standIn.port(), "GB", "en-GB",
                Duration.ofSeconds(5));
        assertKind(Kind.COMMUNICATION, wrongHost::provision);
        assertEquals(0, world.standIn.requestCount(PATH_PROVISIONING));
    }

    @Test
    void authenticatedCallsNeedAValidToken() throws Exception {
        assertKind(Kind.TOKEN_INVALID, () -> client.devices("0123-1"));
        assertKind(Kind.TOKEN_INVALID, () -> client.iotCredentials("0123-1", PURIFIER.serial()));
        assertKind(Kind.TOKEN_INVALID, () -> client.devices(""));
        assertEquals(1, world.standIn.requestCount(PATH_MANIFEST), "no request without a token");
        String token = loginToken();
        world.standIn.failNext(PATH_MANIFEST, 403, 1);
        assertKind(Kind.TOKEN_INVALID, () -> client.devices(token));
    }

    @Test
    void manifestListsTheDevices() throws Exception {
        List<CloudDevice> devices = client.devices(loginToken());
        assertEquals(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LOCAL_ONLY.serial()),
                devices.stream().map(CloudDevice::serialNumber).toList());
        CloudDevice purifier = devices.get(0);
        assertEquals("438K", purifier.mqttRootTopicLevel());
        assertEquals(PURIFIER.name(), purifier.name());
        assertTrue(purifier.usesRemoteBroker());
        assertTrue(purifier.hasLocalCredentials());
        assertFalse(devices.get(1).hasLocalCredentials());
        assertTrue(devices.get(1).usesRemoteBroker());
        assertFalse(devices.get(2).usesRemoteBroker());
        assertEquals(LOCAL_ONLY.productName(), devices.get(2).name());
    }

    @Test
    void malformedManifestEntriesAreSkipped() throws Exception {
        world.standIn.addRawManifestEntry(EMAIL, "{\"name\":\"no serial\",\"type\":\"438\"}");
        world.standIn.addRawManifestEntry(EMAIL, "\"just a string\"");
        world.standIn.addRawManifestEntry(EMAIL, "{\"serialNumber\":\"X1\",\"type\":[\"not\",\"a\",\"string\"]}");
        world.standIn.addRawManifestEntry(EMAIL, "{\"serialNumber\":\"GH4-EU-NEW0000D\",\"type\":\"358\"}");
        List<CloudDevice> devices = client.devices(loginToken());
        assertEquals(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LOCAL_ONLY.serial(), "GH4-EU-NEW0000D"),
                devices.stream().map(CloudDevice::serialNumber).toList());
    }

    @Test
    void iotCredentialsAreTheIssuedOnes() throws Exception {
        IotCredentials credentials = client.iotCredentials(loginToken(), PURIFIER.serial());
        assertEquals(TestPki.IOT_ENDPOINT, credentials.endpoint());
        assertTrue(world.authority.check(credentials.customAuthorizerName(), credentials.tokenValue(),
                credentials.tokenSignature()).isPresent());
        assertEquals("token", credentials.tokenKey());
        assertFalse(credentials.toString().contains(credentials.tokenSignature()));
    }

    @Test
    void iotCredentialsOfAnUnknownDeviceAreNotFound() throws Exception {
        String token = loginToken();
        assertKind(Kind.NOT_FOUND, () -> client.iotCredentials(token, "ZZ9-EU-UNKNOWN0"));
    }

    private String loginToken() throws DysonCloudException {
        String challenge = client.requestCode(EMAIL);
        String code = world.standIn.lastCodeFor(EMAIL);
        assertNotNull(code);
        return client.verify(EMAIL, PASSWORD, challenge, code);
    }

    static DysonCloudException assertKind(Kind kind, Executable call) {
        DysonCloudException e = assertThrows(DysonCloudException.class, call);
        assertEquals(kind, e.getKind(), e.getMessage());
        return e;
    }
}
