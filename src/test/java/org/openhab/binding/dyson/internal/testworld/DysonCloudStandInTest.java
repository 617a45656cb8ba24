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
package org.openhab.binding.dyson.internal.testworld;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.*;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The cloud API stand-in's own checks, with raw requests: content type, bearer token, body shape, fault queue.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonCloudStandInTest {

    private static final String EMAIL = "someone@example.com";

    private @NonNullByDefault({}) DysonCloudStandIn standIn;
    private @NonNullByDefault({}) HttpClient http;

    @BeforeEach
    void setUp() throws Exception {
        standIn = DysonCloudStandIn.start(new IotAuthority());
        standIn.addAccount(EMAIL, "pw");
        http = TestHttpClients.startTrustingTestCa();
    }

    @AfterEach
    void tearDown() throws Exception {
        http.stop();
        standIn.close();
    }

    @Test
    void postWithoutJsonContentTypeIs415() throws Exception {
        Request request = request(HttpMethod.POST, PATH_USER_STATUS, null);
        request.content(new StringContentProvider("text/plain", "{\"email\":\"" + EMAIL + "\"}",
                StandardCharsets.UTF_8));
        assertEquals(415, request.send().getStatus());
        assertEquals(200, post(PATH_USER_STATUS, "{\"email\":\"" + EMAIL + "\"}", null).getStatus());
    }

    @Test
    void bodyWithoutTheRequiredFieldsIs400() throws Exception {
        assertEquals(400, post(PATH_USER_STATUS, "{\"mail\":\"x\"}", null).getStatus());
        assertEquals(400, post(PATH_USER_STATUS, "[1]", null).getStatus());
        assertEquals(400, post(PATH_VERIFY, "{\"email\":\"" + EMAIL + "\"}", null).getStatus());
    }

    @Test
    void authenticatedPathsNeedAnIssuedBearerToken() throws Exception {
        assertEquals(401, request(HttpMethod.GET, PATH_MANIFEST, null).send().getStatus());
        assertEquals(401, request(HttpMethod.GET, PATH_MANIFEST, "ABC-1").send().getStatus());
        String token = login();
        assertEquals(200, request(HttpMethod.GET, PATH_MANIFEST, token).send().getStatus());
        assertEquals(401, post(PATH_IOT_CREDENTIALS, "{\"Serial\":\"X\"}", null).getStatus());
        assertEquals(400, post(PATH_IOT_CREDENTIALS, "{\"serial\":\"X\"}", token).getStatus());
        standIn.revokeTokens();
        assertEquals(401, request(HttpMethod.GET, PATH_MANIFEST, token).send().getStatus());
    }

    @Test
    void manifestCarriesReallyEncryptedLocalCredentials() throws Exception {
        StandInDevice device = StandInDevice.purifier("AB1-EU-KAA0000A", "438", "K", "TP07");
        standIn.addDevice(EMAIL, device);
        String body = request(HttpMethod.GET, PATH_MANIFEST, login()).send().getContentAsString();
        JsonObject mqtt = JsonParser.parseString(body).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("connectedConfiguration").getAsJsonObject("mqtt");
        String encrypted = mqtt.get("localBrokerCredentials").getAsString();
        assertFalse(encrypted.contains(String.valueOf(device.localPassword())));
        assertEquals(encryptLocalCredentials("{\"serial\":\"AB1-EU-KAA0000A\",\"apPasswordHash\":\""
                + device.localPassword() + "\"}"), encrypted);
        assertEquals(88, String.valueOf(device.localPassword()).length());
    }

    @Test
    void injectedFaultsAreUsedUpInOrderAndCounted() throws Exception {
        standIn.failNext(PATH_PROVISIONING, 503, 2);
        standIn.malformedNext(PATH_PROVISIONING, 1);
        assertEquals(503, request(HttpMethod.GET, PATH_PROVISIONING, null).send().getStatus());
        assertEquals(503, request(HttpMethod.GET, PATH_PROVISIONING, null).send().getStatus());
        ContentResponse malformed = request(HttpMethod.GET, PATH_PROVISIONING, null).send();
        assertEquals(200, malformed.getStatus());
        assertThrows(RuntimeException.class, () -> JsonParser.parseString(malformed.getContentAsString()));
        ContentResponse normal = request(HttpMethod.GET, PATH_PROVISIONING, null).send();
        assertEquals("\"" + APP_VERSION + "\"", normal.getContentAsString());
        assertEquals(4, standIn.requestCount(PATH_PROVISIONING));
        assertEquals(0, standIn.requestCount(PATH_MANIFEST));
    }

    @Test
    void unknownPathsAndWrongMethodsAreRefused() throws Exception {
        assertEquals(404, request(HttpMethod.GET, "/v1/nothing", null).send().getStatus());
        assertEquals(405, request(HttpMethod.POST, PATH_PROVISIONING, null).send().getStatus());
    }

    private String login() throws Exception {
        ContentResponse challenge = post(PATH_REQUEST_CODE, "{\"email\":\"" + EMAIL + "\"}", null);
        String challengeId = JsonParser.parseString(challenge.getContentAsString()).getAsJsonObject()
                .get("challengeId").getAsString();
        JsonObject verify = new JsonObject();
        verify.addProperty("email", EMAIL);
        verify.addProperty("password", "pw");
        verify.addProperty("challengeId", challengeId);
        verify.addProperty("otpCode", standIn.lastCodeFor(EMAIL));
        ContentResponse response = post(PATH_VERIFY, verify.toString(), null);
        assertEquals(200, response.getStatus());
        return JsonParser.parseString(response.getContentAsString()).getAsJsonObject().get("token").getAsString();
    }

    private ContentResponse post(String path, String json, @Nullable String token) throws Exception {
        Request request = request(HttpMethod.POST, path, token);
        request.content(new StringContentProvider("application/json", json, StandardCharsets.UTF_8));
        return request.send();
    }

    private Request request(HttpMethod method, String path, @Nullable String token) {
        Request request = http.newRequest(standIn.baseUrl() + path).method(method).timeout(5, TimeUnit.SECONDS)
                .agent("android client");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
