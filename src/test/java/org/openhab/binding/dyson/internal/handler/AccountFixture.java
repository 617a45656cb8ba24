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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_ACCOUNT;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.MemoryStorage;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * An account bridge as openHAB runs it, against the Dyson cloud stand-in over HTTPS: the real
 * {@link DysonAccountHandler} on a real {@link Bridge}, a mocked {@link ThingHandlerCallback} that records status
 * updates, and an in-memory storage that outlives handler restarts. The stand-in has one account with three devices
 * (local + cloud, cloud only, local only); tests may add more before the first login. {@link #china()} stands in for
 * Dyson's servers in China instead, where a second account with the same devices logs in with {@link #MOBILE}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class AccountFixture implements AutoCloseable {

    public static final String EMAIL = "Owner@Example.com";
    public static final String PASSWORD = "a long and secret pass phrase";
    /** The mobile number of the China stand-in's mobile account, as Dyson takes it. */
    public static final String MOBILE = "+8613912345678";
    public static final String ENTER_SMS_CODE = "@text/offline.account.enter-sms-code";
    public static final ThingUID BRIDGE_UID = new ThingUID(THING_TYPE_ACCOUNT, "home");
    public static final String ENTER_CODE = "@text/offline.account.enter-code";
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Local and cloud ({@code 438K}, Pure Cool family). */
    public static final StandInDevice PURIFIER = StandInDevice.purifier("AB1-EU-KAA0000A", "438", "K", "TP07");
    /** Cloud only, no local credentials ({@code 527M}, Pure Hot+Cool family). */
    public static final StandInDevice CLOUD_ONLY = StandInDevice.purifier("CD2-EU-PHA1234B", "527", "M", "HP09")
            .cloudOnly();
    /** Local only, no remote broker ({@code 475}, Pure Cool Link family). */
    public static final StandInDevice LINK = StandInDevice.purifier("EF3-EU-MEA5678C", "475", null, "TP02")
            .withRemoteBrokerType(null);

    public final DysonCloudStandIn standIn;
    public final HttpClient http;
    public final Storage<String> storage = MemoryStorage.create();
    public final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);

    private final List<ThingStatusInfo> statuses = new CopyOnWriteArrayList<>();
    private final List<Map<String, @Nullable Object>> configurationUpdates = new CopyOnWriteArrayList<>();
    private final Set<Runnable> jobsBefore = Set.copyOf(schedulerQueue());
    private @Nullable DysonAccountHandler handler;

    public AccountFixture() throws Exception {
        this(false);
    }

    /** A fixture against a stand-in for Dyson's servers in China, with an e-mail and a mobile-number account. */
    public static AccountFixture china() throws Exception {
        return new AccountFixture(true);
    }

    private AccountFixture(boolean china) throws Exception {
        IotAuthority authority = new IotAuthority();
        standIn = china ? DysonCloudStandIn.startChina(authority) : DysonCloudStandIn.start(authority);
        standIn.addAccount(EMAIL, PASSWORD);
        standIn.addDevice(EMAIL, PURIFIER);
        standIn.addDevice(EMAIL, CLOUD_ONLY);
        standIn.addDevice(EMAIL, LINK);
        if (china) {
            standIn.addMobileAccount(MOBILE);
            standIn.addDevice(MOBILE, PURIFIER);
            standIn.addDevice(MOBILE, CLOUD_ONLY);
            standIn.addDevice(MOBILE, LINK);
        }
        http = TestHttpClients.startTrustingTestCa();
        doAnswer(invocation -> {
            statuses.add(invocation.getArgument(1));
            return null;
        }).when(callback).statusUpdated(any(), any());
        doAnswer(invocation -> {
            Thing thing = invocation.getArgument(0);
            configurationUpdates.add(new HashMap<>(thing.getConfiguration().getProperties()));
            return null;
        }).when(callback).thingUpdated(any());
    }

    /** What a user types into a new account thing. */
    public static Map<String, Object> loginConfiguration() {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("email", EMAIL);
        configuration.put("password", PASSWORD);
        configuration.put("countryCode", "GB");
        return configuration;
    }

    public static Bridge bridge(Map<String, @Nullable Object> configuration) {
        return BridgeBuilder.create(THING_TYPE_ACCOUNT, BRIDGE_UID).withLabel("Dyson Account")
                .withConfiguration(new Configuration(configuration)).build();
    }

    /** Creates and initializes the handler of a bridge, as the thing manager does (after stopping the last one). */
    public DysonAccountHandler start(Bridge bridge) {
        stop();
        statuses.clear();
        DysonAccountHandler created = new DysonAccountHandler(bridge, http, storage, TestWorkers.SHARED,
                standIn.baseUrl());
        created.setCallback(callback);
        created.initialize();
        handler = created;
        return created;
    }

    /** What a user in mainland China types for a mobile-number login: the number as dialled at home, CN. */
    public static Map<String, Object> mobileLoginConfiguration() {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("mobile", "139 1234 5678");
        configuration.put("countryCode", "CN");
        return configuration;
    }

    /** A new account thing with the {@link #mobileLoginConfiguration()} (needs the {@link #china()} fixture). */
    public DysonAccountHandler startNewMobile() {
        return start(bridge(new HashMap<>(mobileLoginConfiguration())));
    }

    /** The code last sent by SMS to {@link #MOBILE}, as the user reads it. */
    public String smsCode() {
        String code = standIn.lastCodeFor(MOBILE);
        if (code == null) {
            throw new AssertionError("No code was sent by SMS");
        }
        return code;
    }

    /** A new account thing with the {@link #loginConfiguration()}. */
    public DysonAccountHandler startNew() {
        return start(bridge(new HashMap<>(loginConfiguration())));
    }

    /** Disposes the handler and takes its callback away, as the thing manager does when the handler goes. */
    public void stop() {
        DysonAccountHandler current = handler;
        handler = null;
        if (current != null) {
            current.dispose();
            current.setCallback(null);
        }
    }

    /** openHAB restarts a managed thing: a new handler on the configuration last persisted by the old one. */
    public DysonAccountHandler restart() {
        return start(bridge(handler().getThing().getConfiguration().getProperties()));
    }

    public DysonAccountHandler handler() {
        DysonAccountHandler current = handler;
        if (current == null) {
            throw new IllegalStateException("No account handler is running");
        }
        return current;
    }

    /** The user types a code into the thing's configuration; core applies it with dispose, update, initialize. */
    public void enterCode(String code) {
        statuses.clear();
        handler().handleConfigurationUpdate(Map.of("otpCode", code));
    }

    /** The code last e-mailed to the account, as the user reads it. */
    public String mailedCode() {
        String code = standIn.lastCodeFor(EMAIL);
        if (code == null) {
            throw new AssertionError("No code was e-mailed");
        }
        return code;
    }

    /** The whole first login as a user does it; returns the handler once ONLINE. */
    public DysonAccountHandler loggedIn() {
        startNew();
        awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        enterCode(mailedCode());
        awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        return handler();
    }

    /** The token openHAB's storage keeps for the e-mail account, null when none. */
    public @Nullable String storedToken() {
        return storedToken(EMAIL.toLowerCase(Locale.ROOT));
    }

    /** The token openHAB's storage keeps for the account with this login (e-mail in lower case, or mobile number). */
    public @Nullable String storedToken(String login) {
        return storage.get("token:" + login);
    }

    /** The configuration as the handler handed it to openHAB at each of its updates (all handlers so far). */
    public List<Map<String, @Nullable Object>> configurationUpdates() {
        return List.copyOf(configurationUpdates);
    }

    /** Status updates since the last start or entered code. */
    public List<ThingStatusInfo> statuses() {
        return List.copyOf(statuses);
    }

    public @Nullable ThingStatusInfo lastStatus() {
        List<ThingStatusInfo> seen = statuses();
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    /** Waits until the latest status update is this one. */
    public void awaitStatus(ThingStatus status, ThingStatusDetail detail, @Nullable String description) {
        ThingStatusInfo expected = new ThingStatusInfo(status, detail, description);
        await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(expected, lastStatus()));
    }

    /** The handler's configuration value, null when absent or cleared. */
    public @Nullable Object configValue(String key) {
        return handler().getThing().getConfiguration().get(key);
    }

    /** Jobs queued on openHAB's shared scheduler since this fixture was made (tests run one at a time). */
    public Set<Runnable> newSchedulerJobs() {
        return schedulerQueue().stream().filter(job -> !jobsBefore.contains(job)).collect(Collectors.toSet());
    }

    private static BlockingQueue<Runnable> schedulerQueue() {
        if (ThreadPoolManager.getScheduledPool("thingHandler") instanceof ScheduledThreadPoolExecutor pool) {
            return pool.getQueue();
        }
        throw new IllegalStateException("The stand-in scheduler is expected to be a ScheduledThreadPoolExecutor");
    }

    @Override
    public void close() throws Exception {
        stop();
        http.stop();
        standIn.close();
    }
}
