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
package org.openhab.binding.dyson.internal.util;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkWorkers} starts a thread only when none of its threads is free, up to its bound, and runs every task.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class NetworkWorkersTest {

    @Test
    void tasksOneAfterTheOtherShareOneThread() throws Exception {
        try (NetworkWorkers workers = new NetworkWorkers(8)) {
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                workers.execute(() -> {
                    names.add(Thread.currentThread().getName());
                    done.countDown();
                });
                assertTrue(done.await(5, TimeUnit.SECONDS));
                // the thread is free again once its task has returned
                await().atMost(Duration.ofSeconds(5)).until(() -> workers.threadCount() == 1);
            }
            assertEquals(1, names.size(), names.toString());
            assertEquals(1, workers.threadCount());
        }
    }

    @Test
    void busyThreadsMakeNewOnesUpToTheBoundAndTheRestWaits() throws Exception {
        try (NetworkWorkers workers = new NetworkWorkers(4)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                workers.execute(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ran.incrementAndGet();
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> workers.threadCount() == 4);
            assertEquals(0, ran.get());
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 10);
            assertEquals(4, workers.threadCount());
        }
    }

    @Test
    void periodicWorkAfterABurstKeepsOnlyAFewThreads() throws Exception {
        try (NetworkWorkers workers = new NetworkWorkers(8)) {
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                workers.execute(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> workers.threadCount() == 8);
            release.countDown();
            // a short task every 700 ms, as the watchdogs of a hundred devices: most spare threads end all the same
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < end) {
                workers.execute(() -> {
                });
                Thread.sleep(700);
            }
            assertTrue(workers.threadCount() <= 3, "threads: " + workers.threadCount());
        }
    }

    @Test
    void aClosedPoolDropsTasks() {
        NetworkWorkers workers = new NetworkWorkers(2);
        workers.close();
        AtomicInteger ran = new AtomicInteger();
        workers.execute(ran::incrementAndGet);
        workers.serial().execute(ran::incrementAndGet);
        assertEquals(0, ran.get());
        assertEquals(0, workers.threadCount());
    }
}
