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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.cloud.DysonCloudClient;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Where the account bridge waits on the Dyson cloud, and how it answers many device things at once: every cloud call
 * runs on the binding's own {@link NetworkWorkers}, never on openHAB's shared scheduler; dispose frees a worker that
 * waits on the cloud at once; and any number of devices that meet a rejected token together start exactly one new
 * login, i.e. Dyson e-mails one code.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class AccountNetworkThreadsTest {

    private static final String TOKEN_INVALID = "@text/offline.account.token-invalid";
    private static final Duration CLOUD_DELAY = Duration.ofSeconds(3);
    private static final int DEVICE_THREADS = 10;

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
    void tenDevicesMeetingARejectedTokenAtOnceGetOneNewCode() throws Exception {
        List<String> serials = new ArrayList<>(List.of(PURIFIER.serial(), CLOUD_ONLY.serial(), LINK.serial()));
        for (int i = serials.size(); i < DEVICE_THREADS; i++) {
            StandInDevice device = StandInDevice.purifier(String.format("GH%d-EU-KAA%04dA", i, i), "438", "K", "TP07");
            world.standIn.addDevice(EMAIL, device);
            serials.add(device.serial());
        }
        DysonAccountHandler handler = world.loggedIn();
        int codesBefore = world.standIn.requestCount(PATH_REQUEST_CODE);
        int loginsBefore = world.standIn.requestCount(PATH_USER_STATUS);
        world.standIn.revokeTokens();
        // one device's answer comes late: its rejection arrives after the new login has begun and must join it
        world.standIn.delayNext(PATH_IOT_CREDENTIALS, Duration.ofMillis(1500), 1);

        CountDownLatch go = new CountDownLatch(1);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> devices = new ArrayList<>();
        for (String serial : serials) {
            Thread device = new Thread(() -> {
                try {
                    go.await();
                    outcomes.add(handler.iotCredentials(serial));
                } catch (DysonCloudException e) {
                    outcomes.add(e.getKind());
                } catch (InterruptedException e) {
                    outcomes.add(e);
                }
            }, "device-" + serial);
            device.start();
            devices.add(device);
        }
        go.countDown();
        for (Thread device : devices) {
            device.join(TIMEOUT.toMillis());
            assertFalse(device.isAlive(), device.getName() + " still waits");
        }

        assertEquals(DEVICE_THREADS, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o == DysonCloudException.Kind.TOKEN_INVALID), outcomes::toString);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3))
                .until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == codesBefore + 1);
        assertEquals(1, world.statuses().stream().filter(s -> TOKEN_INVALID.equals(s.getDescription())).count(),
                "one rejection reported: " + world.statuses());
        assertEquals(loginsBefore + 1, world.standIn.requestCount(PATH_USER_STATUS), "one new login");

        world.enterCode(world.mailedCode());
        world.awaitStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        assertNotNull(world.handler().iotCredentials(PURIFIER.serial()), "the new token serves the devices");
    }

    @Test
    void aDeviceMeetingARejectedTokenDoesNotWaitForTheLoginThatChecksIt() {
        world.loggedIn();
        int codes = world.standIn.requestCount(PATH_REQUEST_CODE);
        int manifests = world.standIn.requestCount(PATH_MANIFEST);
        world.standIn.revokeTokens();
        world.standIn.delayNext(PATH_MANIFEST, CLOUD_DELAY, 1);

        DysonAccountHandler handler = world.restart(); // checks the stored token: the answer comes late
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_MANIFEST) == manifests + 1);
        long started = System.nanoTime();
        DysonCloudException e = assertThrows(DysonCloudException.class,
                () -> handler.iotCredentials(PURIFIER.serial()));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(DysonCloudException.Kind.TOKEN_INVALID, e.getKind());
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) < 0, "the device waited " + waited);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3))
                .until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == codes + 1);
    }

    @Test
    void loginWaitsOnTheCloudOnANetworkWorkerNotOnTheScheduler() throws Exception {
        world.standIn.delayNext(PATH_PROVISIONING, CLOUD_DELAY, 1);
        world.startNew();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);

        assertCloudCallsOnlyOnNetworkWorkers();
        assertEverySchedulerThreadIsFree();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
    }

    @Test
    void deviceListRefreshWaitsOnTheCloudOnANetworkWorkerNotOnTheScheduler() throws Exception {
        DysonAccountHandler handler = world.loggedIn();
        int manifests = world.standIn.requestCount(PATH_MANIFEST);
        world.standIn.delayNext(PATH_MANIFEST, CLOUD_DELAY, 1);

        handler.refreshDevicesSoon();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_MANIFEST) == manifests + 1);

        assertCloudCallsOnlyOnNetworkWorkers();
        assertEverySchedulerThreadIsFree();
    }

    @Test
    void newCodeAfterARejectedTokenIsRequestedOnANetworkWorkerNotOnTheScheduler() throws Exception {
        DysonAccountHandler handler = world.loggedIn();
        int codes = world.standIn.requestCount(PATH_REQUEST_CODE);
        world.standIn.revokeTokens();
        world.standIn.delayNext(PATH_REQUEST_CODE, CLOUD_DELAY, 1);

        assertThrows(DysonCloudException.class, () -> handler.iotCredentials(PURIFIER.serial()));
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == codes + 1);

        assertCloudCallsOnlyOnNetworkWorkers();
        assertEverySchedulerThreadIsFree();
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, TOKEN_INVALID);
    }

    @Test
    void disposeFreesAWorkerThatWaitsOnTheCloudAtOnce() {
        world.standIn.delayNext(PATH_PROVISIONING, Duration.ofSeconds(8), 1);
        world.startNew();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);
        assertFalse(threadsInCloudCalls().isEmpty(), "a worker waits on the cloud");

        world.stop();
        await().atMost(Duration.ofSeconds(2)).until(() -> threadsInCloudCalls().isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> world.standIn.requestCount(PATH_USER_STATUS) == 0);
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains("already disposed")), "no update after dispose");
    }

    @Test
    void configurationChangeWhileALoginWaitsOnTheCloudStartsOneNewLogin() {
        world.standIn.delayNext(PATH_PROVISIONING, Duration.ofSeconds(8), 1);
        world.startNew();
        await().atMost(TIMEOUT).until(() -> world.standIn.requestCount(PATH_PROVISIONING) == 1);

        world.handler().handleConfigurationUpdate(Map.of("refreshInterval", 600));
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3))
                .until(() -> world.standIn.requestCount(PATH_REQUEST_CODE) == 1);
    }

    /** Every thread that waits in a cloud call now is one of the binding's network workers. */
    private static void assertCloudCallsOnlyOnNetworkWorkers() {
        List<String> names = threadsInCloudCalls();
        assertFalse(names.isEmpty(), "a cloud call is waiting");
        assertTrue(names.stream().allMatch(n -> n.startsWith(NetworkWorkers.THREAD_NAME_PREFIX)), names::toString);
    }

    /** Names of the threads that are inside a call of {@link DysonCloudClient}. */
    private static List<String> threadsInCloudCalls() {
        String client = DysonCloudClient.class.getName();
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> client.equals(f.getClassName())))
                .map(e -> e.getKey().getName()).toList();
    }

    /**
     * As many tasks as the scheduler has threads, each waiting for all the others: they only all run if no thread
     * of the scheduler is held by a cloud call (which waits {@link #CLOUD_DELAY} here).
     */
    private static void assertEverySchedulerThreadIsFree() throws InterruptedException {
        ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("thingHandler");
        int threads = scheduler instanceof ScheduledThreadPoolExecutor pool ? pool.getCorePoolSize() : 1;
        CountDownLatch allRunning = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            scheduler.execute(() -> {
                allRunning.countDown();
                try {
                    release.await(CLOUD_DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertTrue(allRunning.await(1, TimeUnit.SECONDS), "a scheduler thread is busy while the cloud call waits; "
                    + "cloud calls on threads: " + threadsInCloudCalls());
        } finally {
            release.countDown();
        }
    }
}
