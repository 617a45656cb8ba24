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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The Dyson cloud REST API on 127.0.0.1 over HTTPS (certificate for {@link TestPki#CLOUD_API_HOST}): provisioning,
 * user status, e-mailed codes, verify, manifest and IoT credentials (issued through an {@link IotAuthority}), with
 * the checks the real API makes (415 without JSON content type, 401 without a valid bearer token) and fault
 * injection per path. Tests read the e-mailed code with {@link #lastCodeFor(String)}, as a user reads the mail.
 * Start with {@link #start(IotAuthority)}, stop with {@link #close()}.
 * <p>
 * {@link #startChina(IotAuthority)} stands in for Dyson's servers in China ({@code appapi.cp.dyson.cn}), which also
 * have the mobile-number login (protocol reference §2.3): {@code /v3/userregistration/mobile/userstatus},
 * {@code .../mobile/auth} with {@code {"mobile"}} (the number with its country code, else 400) and
 * {@code .../mobile/verify} with {@code {"mobile","challengeId","otpCode"}}, no password; the code goes out "by SMS"
 * and {@link #lastCodeFor(String)} reads it with the number. The global stand-in answers 404 on those paths.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DysonCloudStandIn implements AutoCloseable {

    public static final String PATH_PROVISIONING = "/v1/provisioningservice/application/Android/version";
    public static final String PATH_USER_STATUS = "/v3/userregistration/email/userstatus";
    public static final String PATH_REQUEST_CODE = "/v3/userregistration/email/auth";
    public static final String PATH_VERIFY = "/v3/userregistration/email/verify";
    public static final String PATH_MOBILE_USER_STATUS = "/v3/userregistration/mobile/userstatus";
    public static final String PATH_MOBILE_REQUEST_CODE = "/v3/userregistration/mobile/auth";
    public static final String PATH_MOBILE_VERIFY = "/v3/userregistration/mobile/verify";
    public static final String PATH_MANIFEST = "/v3/manifest";
    public static final String PATH_IOT_CREDENTIALS = "/v2/authorize/iot-credentials";
    public static final String APP_VERSION = "5.0.21061";

    private static final byte[] LOCAL_CREDENTIALS_KEY = new byte[32];
    static {
        for (int i = 0; i < LOCAL_CREDENTIALS_KEY.length; i++) {
            LOCAL_CREDENTIALS_KEY[i] = (byte) (i + 1);
        }
    }

    /** One injected fault: a status to answer, a malformed body, or a delay before the normal answer. */
    private record Fault(int status, boolean malformed, Duration delay) {
    }

    /** A pending code: for this account key (e-mail address or mobile number), e-mailed or sent by SMS. */
    private record Challenge(String login, String code, boolean bySms) {
    }

    /** Link types, whose firmware versions are listed in the old style. */
    private static final java.util.Set<String> LINK_TYPES = java.util.Set.of("455", "469", "475");

    /**
     * The firmware version as the cloud lists it: the topic root, not the type, in front (protocol notes §2.5:
     * {@code 438MPF.00.01.003.0011} for a 438M, {@code 438KPF.00.01.003.0011} for a 438K); Link devices (475, 455,
     * 469) list the old style {@code 21.04.03} (§2.5 "older devices").
     */
    static String firmwareVersion(StandInDevice device) {
        RobotModel robot = RobotModel.fromType(device.type());
        if (robot != null) {
            return robot.firmware();
        }
        String root = device.mqttRootTopicLevel();
        if (root == null) {
            String variant = device.variant();
            root = variant == null ? device.type() : device.type() + variant;
        }
        return LINK_TYPES.contains(device.type()) ? "21.04.03" : root + "PF.00.01.003.0011";
    }

    private static final class Account {
        final String password;
        final String status;
        final List<StandInDevice> devices = new CopyOnWriteArrayList<>();
        final List<String> rawEntries = new CopyOnWriteArrayList<>();
        volatile @Nullable String lastCode;

        Account(String password, String status) {
            this.password = password;
            this.status = status;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final IotAuthority authority;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, String> emailByToken = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, String> lastQueries = new ConcurrentHashMap<>();
    private final Map<String, IotAuthority.Grant> lastGrants = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> lastFields = new ConcurrentHashMap<>();
    private final boolean china;

    private volatile String iotEndpoint = TestPki.IOT_ENDPOINT;
    private volatile BiConsumer<String, String> mailbox = (email, code) -> {
    };

    private DysonCloudStandIn(IotAuthority authority, int port, boolean china) throws IOException {
        this.authority = authority;
        this.china = china;
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "dyson-cloud-stand-in-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestPki.get().serverContext()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a stand-in on a free loopback port. */
    public static DysonCloudStandIn start(IotAuthority authority) throws IOException {
        return start(authority, 0);
    }

    /** Starts a stand-in on the given loopback port (0: a free one). */
    public static DysonCloudStandIn start(IotAuthority authority, int port) throws IOException {
        DysonCloudStandIn standIn = new DysonCloudStandIn(authority, port, false);
        standIn.server.start();
        return standIn;
    }

    /** Starts a stand-in for Dyson's servers in China (mobile-number login too) on a free loopback port. */
    public static DysonCloudStandIn startChina(IotAuthority authority) throws IOException {
        DysonCloudStandIn standIn = new DysonCloudStandIn(authority, 0, true);
        standIn.server.start();
        return standIn;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL clients use: {@code https://appapi.cp.dyson.test:<port>}. */
    public String baseUrl() {
        return "https://" + TestPki.CLOUD_API_HOST + ":" + port();
    }

    /** Adds an {@code ACTIVE} account. */
    public void addAccount(String email, String password) {
        addAccount(email, password, "ACTIVE");
    }

    /** Adds an account with the given status ({@code ACTIVE}, {@code UNREGISTERED}). */
    public void addAccount(String email, String password, String status) {
        accounts.put(email.toLowerCase(), new Account(password, status));
    }

    /**
     * Adds an {@code ACTIVE} account that logs in with its mobile number (China stand-in only), e.g.
     * {@code +8613800000000}; the other methods take the number where they take an e-mail address.
     */
    public void addMobileAccount(String mobile) {
        if (!china) {
            throw new IllegalStateException("Only Dyson's servers in China have mobile-number accounts");
        }
        accounts.put(mobile, new Account("", "ACTIVE"));
    }

    public void addDevice(String email, StandInDevice device) {
        account(email).devices.add(device);
    }

    /** Takes a device off the account (as removing it in the MyDyson app does): later manifests omit it. */
    public void removeDevice(String email, String serial) {
        if (!account(email).devices.removeIf(d -> d.serial().equals(serial))) {
            throw new IllegalArgumentException("No such device in the stand-in: " + serial);
        }
    }

    /** Appends a manifest entry exactly as given (any JSON value, e.g. a malformed device). */
    public void addRawManifestEntry(String email, String json) {
        account(email).rawEntries.add(json);
    }

    /** Also hands every code the stand-in "e-mails" to {@code newMailbox} (address, code). */
    public void onCodeMailed(BiConsumer<String, String> newMailbox) {
        mailbox = newMailbox;
    }

    /** The code last e-mailed to this address (or sent by SMS to this mobile number), null if none. */
    public @Nullable String lastCodeFor(String email) {
        return account(email).lastCode;
    }

    /** The next {@code times} requests to {@code path} answer {@code status} with a small JSON body. */
    public void failNext(String path, int status, int times) {
        addFaults(path, new Fault(status, false, Duration.ZERO), times);
    }

    /** The next {@code times} requests to {@code path} answer 200 with a body that is not JSON. */
    public void malformedNext(String path, int times) {
        addFaults(path, new Fault(200, true, Duration.ZERO), times);
    }

    /** The next {@code times} requests to {@code path} are answered normally, but only after {@code delay}. */
    public void delayNext(String path, Duration delay, int times) {
        addFaults(path, new Fault(0, false, delay), times);
    }

    /** Requests received for a path (faulty answers included). */
    public int requestCount(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    /** The members of the JSON object last posted to a path, empty if none. */
    public Set<String> lastRequestFields(String path) {
        return lastFields.getOrDefault(path, Set.of());
    }

    /** The raw query string of the last request to a path, null if none or without query. */
    public @Nullable String lastQuery(String path) {
        return lastQueries.get(path);
    }

    /** The IoT credentials last issued for a device, null if none. */
    public IotAuthority.@Nullable Grant lastGrant(String serial) {
        return lastGrants.get(serial);
    }

    /**
     * The AWS IoT endpoint host name that IoT credentials name from now on (default {@link TestPki#IOT_ENDPOINT});
     * e.g. {@link TestPki#UNCERTIFIED_HOST}, which resolves to loopback but is not in the endpoint's certificate.
     */
    public void useIotEndpoint(String host) {
        iotEndpoint = host;
    }

    /** Issues a valid bearer token for an account without a login, as another app's login would. */
    public String issueToken(String login) {
        account(login);
        return newToken(login.toLowerCase());
    }

    /** Invalidates every bearer token issued so far (as a password change or logout would). */
    public void revokeTokens() {
        emailByToken.clear();
    }

    /** The AES-256-CBC encryption of §2.6 (key 01..20, zero IV, PKCS#7), base64: what the manifest carries. */
    public static String encryptLocalCredentials(String plainText) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(LOCAL_CREDENTIALS_KEY, "AES"),
                    new IvParameterSpec(new byte[16]));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Account account(String email) {
        Account account = accounts.get(email.toLowerCase());
        if (account == null) {
            throw new IllegalArgumentException("No such account in the stand-in: " + email);
        }
        return account;
    }

    private void addFaults(String path, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
    }

    private @Nullable Fault nextFault(String path) {
        Deque<Fault> queue = faults.get(path);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                lastQueries.put(path, query);
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            Fault fault = nextFault(path);
            if (fault != null && !fault.delay().isZero()) {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (fault != null) {
                String body = fault.malformed() ? "{\"account\": oops" : "{\"error\":\"injected\"}";
                respond(exchange, fault.status(), body);
                return;
            }
            Answer answer = answer(exchange, path, new String(requestBody, StandardCharsets.UTF_8));
            if (answer.bearerChallenge()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            respond(exchange, answer.status(), answer.body());
        }
    }

    /** An answer; {@code bearerChallenge}: a 401 with {@code WWW-Authenticate: Bearer} (authenticated paths). */
    private record Answer(int status, String body, boolean bearerChallenge) {
        static Answer of(int status) {
            return new Answer(status, "{\"status\":" + status + "}", false);
        }

        static Answer unauthorized() {
            return new Answer(401, "{\"status\":401}", true);
        }

        static Answer ok(JsonElement json) {
            return new Answer(200, json.toString(), false);
        }
    }

    private Answer answer(HttpExchange exchange, String path, String body) {
        String method = exchange.getRequestMethod();
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (agent == null || agent.isBlank()) {
            return Answer.of(400);
        }
        boolean get = PATH_PROVISIONING.equals(path) || PATH_MANIFEST.equals(path);
        boolean mobilePath = List.of(PATH_MOBILE_USER_STATUS, PATH_MOBILE_REQUEST_CODE, PATH_MOBILE_VERIFY)
                .contains(path);
        if (!(china && mobilePath) && !List.of(PATH_PROVISIONING, PATH_USER_STATUS, PATH_REQUEST_CODE, PATH_VERIFY,
                PATH_MANIFEST, PATH_IOT_CREDENTIALS).contains(path)) {
            return Answer.of(404);
        }
        if (!method.equals(get ? "GET" : "POST")) {
            return Answer.of(405);
        }
        if (PATH_PROVISIONING.equals(path)) {
            return Answer.ok(new JsonPrimitive(APP_VERSION));
        }
        if (PATH_MANIFEST.equals(path)) {
            String email = authenticated(exchange);
            return email == null ? Answer.unauthorized() : manifest(account(email));
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return Answer.of(415);
        }
        JsonObject request;
        try {
            JsonElement parsed = JsonParser.parseString(body);
            if (!parsed.isJsonObject()) {
                return Answer.of(400);
            }
            request = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return Answer.of(400);
        }
        lastFields.put(path, Set.copyOf(request.keySet()));
        switch (path) {
            case PATH_USER_STATUS:
                return userStatus(request);
            case PATH_REQUEST_CODE:
                return requestCode(request);
            case PATH_VERIFY:
                return verify(request);
            case PATH_MOBILE_USER_STATUS:
                return mobileUserStatus(request);
            case PATH_MOBILE_REQUEST_CODE:
                return requestSmsCode(request);
            case PATH_MOBILE_VERIFY:
                return verifyMobile(request);
            default:
                String email = authenticated(exchange);
                return email == null ? Answer.unauthorized() : iotCredentials(account(email), request);
        }
    }

    private Answer userStatus(JsonObject request) {
        String email = string(request, "email");
        if (email == null) {
            return Answer.of(400);
        }
        Account account = accounts.get(email.toLowerCase());
        JsonObject response = new JsonObject();
        response.addProperty("accountStatus", account == null ? "UNREGISTERED" : account.status);
        response.addProperty("authenticationMethod", "EMAIL_PWD_2FA");
        return Answer.ok(response);
    }

    private Answer requestCode(JsonObject request) {
        String email = string(request, "email");
        Account account = email == null ? null : accounts.get(email.toLowerCase());
        if (email == null || account == null) {
            return Answer.of(400);
        }
        return newChallenge(email, account, false);
    }

    private Answer newChallenge(String login, Account account, boolean bySms) {
        String challengeId = UUID.randomUUID().toString();
        String code = String.format("%06d", random.nextInt(1_000_000));
        challenges.put(challengeId, new Challenge(login.toLowerCase(), code, bySms));
        account.lastCode = code;
        mailbox.accept(login, code);
        JsonObject response = new JsonObject();
        response.addProperty("challengeId", challengeId);
        return Answer.ok(response);
    }

    private Answer mobileUserStatus(JsonObject request) {
        String mobile = string(request, "mobile");
        if (mobile == null) {
            return Answer.of(400);
        }
        Account account = accounts.get(mobile);
        JsonObject response = new JsonObject();
        // no capture shows the authenticationMethod of a mobile account: the stand-in leaves it out
        response.addProperty("accountStatus", account == null ? "UNREGISTERED" : account.status);
        return Answer.ok(response);
    }

    private Answer requestSmsCode(JsonObject request) {
        String mobile = string(request, "mobile");
        Account account = mobile == null ? null : accounts.get(mobile);
        if (mobile == null || !mobile.startsWith("+") || account == null) {
            return Answer.of(400); // a number without its country code is refused so (public client reports)
        }
        return newChallenge(mobile, account, true);
    }

    private Answer verifyMobile(JsonObject request) {
        String mobile = string(request, "mobile");
        String challengeId = string(request, "challengeId");
        String code = string(request, "otpCode");
        if (mobile == null || challengeId == null || code == null) {
            return Answer.of(400);
        }
        Challenge challenge = challenges.get(challengeId);
        if (!accounts.containsKey(mobile) || challenge == null || !challenge.bySms()
                || !challenge.login().equals(mobile.toLowerCase()) || !challenge.code().equals(code)) {
            return Answer.of(401);
        }
        return Answer.ok(loginAnswer(newToken(mobile.toLowerCase())));
    }

    private static JsonObject loginAnswer(String token) {
        JsonObject response = new JsonObject();
        response.addProperty("account", UUID.randomUUID().toString());
        response.addProperty("token", token);
        response.addProperty("tokenType", "Bearer");
        return response;
    }

    private Answer verify(JsonObject request) {
        String email = string(request, "email");
        String password = string(request, "password");
        String challengeId = string(request, "challengeId");
        String code = string(request, "otpCode");
        if (email == null || password == null || challengeId == null || code == null) {
            return Answer.of(400);
        }
        Account account = accounts.get(email.toLowerCase());
        Challenge challenge = challenges.get(challengeId);
        if (account == null || challenge == null || challenge.bySms() || !challenge.login().equals(email.toLowerCase())
                || !challenge.code().equals(code) || !account.password.equals(password)) {
            return Answer.of(401);
        }
        return Answer.ok(loginAnswer(newToken(email.toLowerCase())));
    }

    /** A new token in Dyson's format (64 hex digits and {@code -1}) for the account with this key. */
    private String newToken(String accountKey) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().withUpperCase().formatHex(secret) + "-1";
        emailByToken.put(token, accountKey);
        return token;
    }

    private Answer manifest(Account account) {
        JsonArray list = new JsonArray();
        for (StandInDevice device : account.devices) {
            list.add(manifestEntry(device));
        }
        for (String raw : account.rawEntries) {
            list.add(JsonParser.parseString(raw));
        }
        return Answer.ok(list);
    }

    private Answer iotCredentials(Account account, JsonObject request) {
        String serial = string(request, "Serial");
        if (serial == null) {
            return Answer.of(400);
        }
        if (account.devices.stream().noneMatch(d -> d.serial().equals(serial) && d.connected())) {
            return Answer.of(404);
        }
        IotAuthority.Grant grant = authority.issue(serial);
        lastGrants.put(serial, grant);
        JsonObject credentials = new JsonObject();
        credentials.addProperty("ClientId", grant.clientId());
        credentials.addProperty("CustomAuthorizerName", grant.authorizerName());
        credentials.addProperty("TokenKey", grant.tokenKey());
        credentials.addProperty("TokenValue", grant.tokenValue());
        credentials.addProperty("TokenSignature", grant.tokenSignature());
        JsonObject response = new JsonObject();
        response.addProperty("Endpoint", iotEndpoint);
        response.add("IoTCredentials", credentials);
        return Answer.ok(response);
    }

    private static JsonObject manifestEntry(StandInDevice device) {
        JsonObject entry = new JsonObject();
        entry.addProperty("serialNumber", device.serial());
        entry.add("name", device.name() == null ? JsonNull.INSTANCE : new JsonPrimitive(device.name()));
        entry.addProperty("type", device.type());
        entry.add("variant", device.variant() == null ? JsonNull.INSTANCE : new JsonPrimitive(device.variant()));
        entry.addProperty("model", device.model());
        entry.addProperty("productName", device.productName());
        // robots are listed as category "robot" (protocol notes §2.5), everything else here as "ec"
        entry.addProperty("category", RobotModel.fromType(device.type()) != null ? "robot" : "ec");
        entry.addProperty("connectionCategory", device.connectionCategory());
        if (!device.connected()) {
            entry.add("connectedConfiguration", JsonNull.INSTANCE);
            return entry;
        }
        JsonArray capabilities = new JsonArray();
        device.capabilities().forEach(capabilities::add);
        JsonObject firmware = new JsonObject();
        firmware.addProperty("version", firmwareVersion(device));
        firmware.addProperty("autoUpdateEnabled", true);
        firmware.addProperty("newVersionAvailable", false);
        firmware.add("capabilities", capabilities);
        JsonObject mqtt = new JsonObject();
        String password = device.localPassword();
        if (password != null) {
            JsonObject plain = new JsonObject();
            plain.addProperty("serial", device.serial());
            plain.addProperty("apPasswordHash", password);
            mqtt.addProperty("localBrokerCredentials", encryptLocalCredentials(plain.toString()));
        }
        if (device.mqttRootTopicLevel() != null) {
            mqtt.addProperty("mqttRootTopicLevel", device.mqttRootTopicLevel());
        }
        if (device.remoteBrokerType() != null) {
            mqtt.addProperty("remoteBrokerType", device.remoteBrokerType());
        }
        JsonObject configuration = new JsonObject();
        configuration.add("firmware", firmware);
        configuration.add("mqtt", mqtt);
        entry.add("connectedConfiguration", configuration);
        return entry;
    }

    private @Nullable String authenticated(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        return emailByToken.get(authorization.substring("Bearer ".length()));
    }

    private static @Nullable String string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank() ? value.getAsString()
                : null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
