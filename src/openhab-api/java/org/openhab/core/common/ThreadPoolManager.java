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
package org.openhab.core.common;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in of openHAB Core's thread pool manager: every named scheduled pool is one shared daemon pool that is
 * never shut down; like core's pools it refuses shutdown.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ThreadPoolManager {

    private static final AtomicInteger THREAD_COUNT = new AtomicInteger();
    private static final ScheduledThreadPoolExecutor SHARED_POOL = createSharedPool();

    private static ScheduledThreadPoolExecutor createSharedPool() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(4, runnable -> {
            Thread thread = new Thread(runnable, "OH-standin-" + THREAD_COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }) {
            @Override
            public void shutdown() {
                throw new IllegalStateException("A shared openHAB thread pool must not be shut down");
            }

            @Override
            public List<Runnable> shutdownNow() {
                throw new IllegalStateException("A shared openHAB thread pool must not be shut down");
            }
        };
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    public static ScheduledExecutorService getScheduledPool(String poolName) {
        return SHARED_POOL;
    }
}
