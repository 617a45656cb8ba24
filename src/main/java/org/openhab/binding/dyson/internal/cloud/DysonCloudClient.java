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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException.Kind;
import org.openhab.binding.dyson.internal.cloud.dto.ChallengeResponse;
import org.openhab.binding.dyson.internal.cloud.dto.IotCredentialsResponse;
import org.openhab.binding.dyson.internal.cloud.dto.ManifestDevice;
import org.openhab.binding.dyson.internal.cloud.dto.UserStatusResponse;
import org.openhab.binding.dyson.internal.cloud.dto.VerifyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The Dyson cloud REST API (protocol reference §2): provisioning, e-mail login with a code, mobile-number login with
 * a code sent by SMS (Dyson's servers in China only), device list and AWS IoT credentials. Stateless and thread-safe:
 * the bearer token is passed to each authenticated call. Uses the shared Jetty client as given (never starts or stops
 * it); every request has a timeout. Failures are {@link DysonCloudException}s naming the call; passwords, codes,
 * tokens, mobile numbers and response bodies that carry secrets are never logged nor put into messages.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DysonCloudClient {

    public static final String GLOBAL_BASE_URL = "https://appapi.cp.dyson.com";
    public static final String CHINA_BASE_URL = "https://appapi.cp.dyson.cn";
    public static final String USER_AGENT = "android client";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final String JSON = "application/json";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CULTURE = Pattern.compile("[a-z]{2}-[A-Z]{2}");

    /** The calls, with what decides their URL and how their failures read. */
    private enum Call {
        PROVISIONING("provisioning", HttpMethod.GET, "/v1/provisioningservice/application/Android/version", 0,
                false),
        USER_STATUS("user status", HttpMethod.POST, "/v3/userregistration/email/userstatus", 1, false),
        REQUEST_CODE("request code", HttpMethod.POST, "/v3/userregistration/email/auth", 2, false),
        VERIFY("verify", HttpMethod.POST, "/v3/userregistration/email/verify", 2, false),
        MOBILE_USER_STATUS("mobile user status", HttpMethod.POST, "/v3/userregistration/mobile/userstatus", 1, false),
        MOBILE_REQUEST_CODE("request SMS code", HttpMethod.POST, "/v3/userregistration/mobile/auth", 2, false),
        MOBILE_VERIFY("verify mobile", HttpMethod.POST, "/v3/userregistration/mobile/verify", 2, false),
        MANIFEST("manifest", HttpMethod.GET, "/v3/manifest", 0, true),
        IOT_CREDENTIALS("IoT credentials", HttpMethod.POST, "/v2/authorize/iot-credentials", 0, true);

        final String label;
        final HttpMethod method;
        final String path;
        /** 0: no query, 1: country, 2: country and culture. */
        final int queryParameters;
        final boolean authenticated;

        Call(String label, HttpMethod method, String path, int queryParameters, boolean authenticated) {
            this.label = label;
            this.method = method;
            this.path = path;
            this.queryParameters = queryParameters;
            this.authenticated = authenticated;
        }
    }

    private final Logger logger = LoggerFactory.getLogger(DysonCloudClient.class);
    private final Gson gson = new Gson();
    private final HttpClient httpClient;
    private final String baseUrl;
    private final String country;
    private final String culture;
    private final Duration timeout;

    /** A client for the region of the account's country (ISO 3166 alpha-2), default culture and timeout. */
    public DysonCloudClient(HttpClient httpClient, String country) {
        this(httpClient, baseUrlFor(country), country, defaultCulture(country), DEFAULT_TIMEOUT);
    }

    /**
     * @param baseUrl e.g. {@link #GLOBAL_BASE_URL} (tests: the stand-in's URL), without trailing slash
     * @param country ISO 3166 alpha-2, e.g. {@code GB}
     * @param culture language and country, e.g. {@code en-GB}
     * @param timeout limit for each whole request
     */
    public DysonCloudClient(HttpClient httpClient, String baseUrl, String country, String culture,
            Duration timeout) {
        String normalizedCountry = country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(normalizedCountry).matches()) {
            throw new IllegalArgumentException("The country must be a two-letter ISO 3166 code, e.g. GB");
        }
        if (!CULTURE.matcher(culture).matches()) {
            throw new IllegalArgumentException("The culture must look like en-GB");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
        this.httpClient = httpClient;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.country = normalizedCountry;
        this.culture = culture;
        this.timeout = timeout;
    }

    /** The API host for a country: mainland China ({@code CN}) has its own, all others use the global one. */
    public static String baseUrlFor(String country) {
        return "CN".equalsIgnoreCase(country.trim()) ? CHINA_BASE_URL : GLOBAL_BASE_URL;
    }

    /** The culture sent with login calls when none is configured: {@code zh-CN} for China, else {@code en-XX}. */
    public static String defaultCulture(String country) {
        String upper = country.trim().toUpperCase(Locale.ROOT);
        return "CN".equals(upper) ? "zh-CN" : "en-" + upper;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String country() {
        return country;
    }

    /** Step 0 of every session; returns the app version the server announces. */
    public String provision() throws DysonCloudException {
        String body = send(Call.PROVISIONING, null, null);
        logger.trace("Dyson cloud provisioning answered {}", body);
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonPrimitive() ? element.getAsString() : body.trim();
        } catch (JsonParseException e) {
            return body.trim();
        }
    }

    /** The account status ({@code ACTIVE} or {@code UNREGISTERED}) of an e-mail address. */
    public String userStatus(String email) throws DysonCloudException {
        JsonObject request = new JsonObject();
        request.addProperty("email", email);
        String body = send(Call.USER_STATUS, null, request);
        logger.trace("Dyson cloud user status answered {}", body);
        UserStatusResponse response = parse(Call.USER_STATUS, body, UserStatusResponse.class);
        return required(Call.USER_STATUS, "accountStatus", response.accountStatus);
    }

    /** Asks Dyson to e-mail a login code; returns the challenge id to verify it with. */
    public String requestCode(String email) throws DysonCloudException {
        JsonObject request = new JsonObject();
        request.addProperty("email", email);
        ChallengeResponse response = parse(Call.REQUEST_CODE, send(Call.REQUEST_CODE, null, request),
                ChallengeResponse.class);
        return required(Call.REQUEST_CODE, "challengeId", response.challengeId);
    }

    /** Completes the login with the e-mailed code; returns the bearer token (a secret). */
    public String verify(String email, String password, String challengeId, String otpCode)
            throws DysonCloudException {
        JsonObject request = new JsonObject();
        request.addProperty("email", email);
        request.addProperty("password", password);
        request.addProperty("challengeId", challengeId);
        request.addProperty("otpCode", otpCode.trim());
        VerifyResponse response = parse(Call.VERIFY, send(Call.VERIFY, null, request), VerifyResponse.class);
        return bearerToken(Call.VERIFY, response);
    }

    private static String bearerToken(Call call, VerifyResponse response) throws DysonCloudException {
        String token = required(call, "token", response.token);
        String tokenType = response.tokenType;
        if (tokenType != null && !"Bearer".equalsIgnoreCase(tokenType)) {
            throw new DysonCloudException(Kind.MALFORMED_RESPONSE,
                    "Dyson cloud call '" + call.label + "' returned an unsupported token type");
        }
        return token;
    }

    /** The body of every mobile login call; only Dyson's servers in China have these calls. */
    private JsonObject mobileRequest(String mobile) {
        if (!"CN".equals(country)) {
            throw new IllegalStateException("Mobile-number login exists only on Dyson's servers in China (country CN)");
        }
        JsonObject request = new JsonObject();
        request.addProperty("mobile", mobile);
        return request;
    }

    /**
     * The account status of a mobile number ({@code POST /v3/userregistration/mobile/userstatus}); China only.
     *
     * @param mobile the number as {@link MobileNumber#normalize(String)} returns it
     * @throws IllegalStateException when the client is not for country {@code CN}
     */
    public String mobileUserStatus(String mobile) throws DysonCloudException {
        JsonObject request = mobileRequest(mobile);
        UserStatusResponse response = parse(Call.MOBILE_USER_STATUS, send(Call.MOBILE_USER_STATUS, null, request),
                UserStatusResponse.class);
        String status = required(Call.MOBILE_USER_STATUS, "accountStatus", response.accountStatus);
        // the status only: nobody has shown whether the answer repeats the number
        logger.trace("Dyson cloud mobile user status answered {} ({})", status, response.authenticationMethod);
        return status;
    }

    /**
     * Asks Dyson to send a login code by SMS ({@code POST /v3/userregistration/mobile/auth}); returns the challenge id
     * to verify it with. China only.
     *
     * @throws IllegalStateException when the client is not for country {@code CN}
     */
    public String requestSmsCode(String mobile) throws DysonCloudException {
        ChallengeResponse response = parse(Call.MOBILE_REQUEST_CODE,
                send(Call.MOBILE_REQUEST_CODE, null, mobileRequest(mobile)), ChallengeResponse.class);
        return required(Call.MOBILE_REQUEST_CODE, "challengeId", response.challengeId);
    }

    /**
     * Completes a mobile-number login with the code sent by SMS ({@code POST /v3/userregistration/mobile/verify});
     * returns the bearer token (a secret). No password: the code is the credential, as in Dyson's app in China.
     *
     * @throws IllegalStateException when the client is not for country {@code CN}
     */
    public String verifyMobile(String mobile, String challengeId, String otpCode) throws DysonCloudException {
        JsonObject request = mobileRequest(mobile);
        request.addProperty("challengeId", challengeId);
        request.addProperty("otpCode", otpCode.trim());
        VerifyResponse response = parse(Call.MOBILE_VERIFY, send(Call.MOBILE_VERIFY, null, request),
                VerifyResponse.class);
        return bearerToken(Call.MOBILE_VERIFY, response);
    }

    /**
     * The devices of the account ({@code GET /v3/manifest}). Entries that cannot be used (no serial, no type) are
     * skipped with a debug line.
     */
    public List<CloudDevice> devices(String token) throws DysonCloudException {
        String body = send(Call.MANIFEST, token, null);
        JsonArray entries;
        try {
            JsonElement root = JsonParser.parseString(body);
            if (!root.isJsonArray()) {
                throw malformed(Call.MANIFEST, "is not a JSON array");
            }
            entries = root.getAsJsonArray();
        } catch (JsonParseException e) {
            throw malformed(Call.MANIFEST, "is not valid JSON");
        }
        List<CloudDevice> devices = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                ManifestDevice entry = gson.fromJson(entries.get(i), ManifestDevice.class);
                if (entry == null) {
                    throw new IllegalArgumentException("entry is null");
                }
                devices.add(CloudDevice.fromManifest(entry));
            } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
                // Gson's own messages may quote values: only our validation messages are shown
                String reason = e instanceof JsonParseException ? "unexpected JSON shape" : e.getMessage();
                logger.debug("Skipping manifest entry {}: {}", i, reason);
            }
        }
        logger.trace("Dyson cloud manifest lists {} usable of {} entries: {}", devices.size(), entries.size(),
                devices);
        return devices;
    }

    /** Fresh AWS IoT credentials for one device ({@code POST /v2/authorize/iot-credentials}). */
    public IotCredentials iotCredentials(String token, String serial) throws DysonCloudException {
        JsonObject request = new JsonObject();
        request.addProperty("Serial", serial);
        IotCredentialsResponse response = parse(Call.IOT_CREDENTIALS, send(Call.IOT_CREDENTIALS, token, request),
                IotCredentialsResponse.class);
        IotCredentialsResponse.Credentials credentials = response.credentials;
        if (credentials == null) {
            throw malformed(Call.IOT_CREDENTIALS, "lacks IoTCredentials");
        }
        return new IotCredentials(required(Call.IOT_CREDENTIALS, "Endpoint", response.endpoint),
                required(Call.IOT_CREDENTIALS, "ClientId", credentials.clientId),
                required(Call.IOT_CREDENTIALS, "CustomAuthorizerName", credentials.customAuthorizerName),
                required(Call.IOT_CREDENTIALS, "TokenKey", credentials.tokenKey),
                required(Call.IOT_CREDENTIALS, "TokenValue", credentials.tokenValue),
                required(Call.IOT_CREDENTIALS, "TokenSignature", credentials.tokenSignature));
    }

    /** Sends one call and returns the body of a 2xx answer; everything else becomes an exception. */
    private String send(Call call, @Nullable String token, @Nullable JsonObject json) throws DysonCloudException {
        Request request = httpClient.newRequest(baseUrl + call.path + query(call)).method(call.method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).agent(USER_AGENT)
                .header(HttpHeader.ACCEPT, JSON);
        if (call.authenticated) {
            if (token == null || token.isBlank()) {
                throw new DysonCloudException(Kind.TOKEN_INVALID,
                        "Dyson cloud call '" + call.label + "' needs a login first");
            }
            request.header(HttpHeader.AUTHORIZATION, "Bearer " + token);
        }
        if (json != null) {
            request.content(new StringContentProvider(JSON, gson.toJson(json), StandardCharsets.UTF_8));
        } else {
            request.header(HttpHeader.CONTENT_TYPE, JSON);
        }
        logger.debug("Dyson cloud call '{}': {} {}", call.label, call.method, call.path);
        ContentResponse response;
        try {
            response = request.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DysonCloudException(Kind.COMMUNICATION, "Dyson cloud call '" + call.label + "' interrupted", e);
        } catch (TimeoutException e) {
            throw new DysonCloudException(Kind.COMMUNICATION,
                    "Dyson cloud call '" + call.label + "' timed out after " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpResponseException responseException) {
                // Jetty refuses a 401 without WWW-Authenticate as a protocol violation: it is still a 401
                int status = responseException.getResponse().getStatus();
                logger.debug("Dyson cloud call '{}' answered HTTP {} ({})", call.label, status, cause.getMessage());
                throw failure(call, status);
            }
            Throwable reported = cause == null ? e : cause;
            throw new DysonCloudException(Kind.COMMUNICATION, "Dyson cloud call '" + call.label + "' failed: "
                    + reported.getClass().getSimpleName() + " " + reported.getMessage(), reported);
        }
        int status = response.getStatus();
        logger.debug("Dyson cloud call '{}' answered HTTP {}", call.label, status);
        if (status >= 200 && status < 300) {
            return new String(response.getContent(), StandardCharsets.UTF_8);
        }
        throw failure(call, status);
    }

    private String query(Call call) {
        if (call.queryParameters == 0) {
            return "";
        }
        String query = "?country=" + URLEncoder.encode(country, StandardCharsets.UTF_8);
        if (call.queryParameters == 1) {
            return query;
        }
        return query + "&culture=" + URLEncoder.encode(culture, StandardCharsets.UTF_8);
    }

    private static DysonCloudException failure(Call call, int status) {
        String prefix = "Dyson cloud call '" + call.label + "' failed with HTTP " + status;
        if (status == 429) {
            return new DysonCloudException(Kind.RATE_LIMITED, prefix + " (rate limited; try again later)", status);
        }
        if (call == Call.VERIFY && (status == 400 || status == 401)) {
            return new DysonCloudException(Kind.WRONG_CREDENTIALS, prefix + " (wrong password or code)", status);
        }
        if (call == Call.MOBILE_VERIFY && (status == 400 || status == 401)) {
            return new DysonCloudException(Kind.WRONG_CREDENTIALS, prefix + " (wrong code)", status);
        }
        if (call.authenticated && (status == 401 || status == 403)) {
            return new DysonCloudException(Kind.TOKEN_INVALID,
                    prefix + " (login expired or revoked; log in again with a new code)", status);
        }
        if (status == 404) {
            return new DysonCloudException(Kind.NOT_FOUND, prefix + " (not found)", status);
        }
        if (status >= 500) {
            return new DysonCloudException(Kind.COMMUNICATION, prefix + " (server error)", status);
        }
        if (status == 401) {
            return new DysonCloudException(Kind.REJECTED, prefix
                    + " (refused; logging out of the MyDyson app and waiting 5 minutes is known to help)", status);
        }
        return new DysonCloudException(Kind.REJECTED, prefix + " (refused)", status);
    }

    private <T> T parse(Call call, String body, Class<T> type) throws DysonCloudException {
        try {
            T parsed = gson.fromJson(body, type);
            if (parsed == null) {
                throw malformed(call, "is empty");
            }
            return parsed;
        } catch (JsonParseException | IllegalStateException e) {
            // not chained: Gson's messages may quote parts of a secret-bearing body
            throw malformed(call, "is not the expected JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String required(Call call, String field, @Nullable String value) throws DysonCloudException {
        if (value == null || value.isBlank()) {
            throw malformed(call, "lacks " + field);
        }
        return value;
    }

    private static DysonCloudException malformed(Call call, String what) {
        return new DysonCloudException(Kind.MALFORMED_RESPONSE,
                "The answer to Dyson cloud call '" + call.label + "' " + what);
    }
}
