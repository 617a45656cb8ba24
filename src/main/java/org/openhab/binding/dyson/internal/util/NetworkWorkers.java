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

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binding's own threads for work that waits on the network: MQTT connects, cloud calls, reachability probes and
 * closing connections. openHAB's shared pools only time such work and hand it over here, so a device that does not
 * answer never holds a thread that another binding needs.
 * <p>
 * The pool is bounded ({@code maxThreads}); a thread starts only when work arrives and no thread of the pool is free
 * (so short periodic work of many devices shares a few threads instead of growing the pool to its bound), and ends
 * after 30 s without work (a thread that is not the only free one after 2 s), so an idle binding holds none. Every
 * task a caller submits must itself be bounded in time. {@link #serial()} gives each device its own queue, so one
 * device's steps never run concurrently and a slow device occupies at most one thread.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class NetworkWorkers implements AutoCloseable {

    public static final String THREAD_NAME_PREFIX = "dyson-network-";
    private static final int IDLE_SECONDS = 30;
    /** How long a thread waits for work while another thread of the pool is free already. */
    private static final Duration SPARE_IDLE = Duration.ofSeconds(2);

    private final Logger logger = LoggerFactory.getLogger(NetworkWorkers.class);
    private final ThreadPoolExecutor pool;
    /** Tasks handed to the pool and not yet finished. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final ConnectPacer connectPacer = new ConnectPacer(Duration.ofMillis(200));

    public NetworkWorkers(int maxThreads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME_PREFIX + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        WorkQueue queue = new WorkQueue();
        pool = new ThreadPoolExecutor(0, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS, queue, threads,
                (task, executor) -> {
                    if (executor.isShutdown() || !queue.enqueue(task)) {
                        throw new RejectedExecutionException("network workers closed");
                    }
                });
    }

    /** Runs a task on the pool; a task that fails is logged, never lost silently. Ignored once closed. */
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    runLogged(task);
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            logger.debug("Network workers closed; task dropped");
        }
    }

    /** A queue of its own on this pool: its tasks run one after the other, in order. */
    public Executor serial() {
        return new SerialExecutor();
    }

    /** The binding-wide pacing of MQTT connect attempts (at most five a second for all devices together). */
    public ConnectPacer connectPacer() {
        return connectPacer;
    }

    /** Live threads of this pool (for diagnostics and tests). */
    public int threadCount() {
        return pool.getPoolSize();
    }

    /** Stops the pool: running tasks are interrupted, queued ones dropped; waits up to 5 s for them to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                logger.debug("Network workers still busy after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            logger.warn("Unexpected error in the Dyson binding: {}", e.getMessage(), e);
        }
    }

    /**
     * The pool's queue: it takes a task only while some thread of the pool is free or no further thread may start;
     * otherwise the pool starts a thread for it (the pool's rejection handler queues it when at the bound).
     * <p>
     * Free threads wait here in turn, and the one waiting longest gets the next task: short periodic work of many
     * devices would keep every thread a burst once started alive. So only the first free thread waits the full
     * 30 s; others end after {@link #SPARE_IDLE} without work.
     */
    private final class WorkQueue extends LinkedBlockingQueue<Runnable> {

        private static final long serialVersionUID = 1L;
        private final AtomicInteger waiting = new AtomicInteger();

        @Override
        public @Nullable Runnable poll(long timeout, @Nullable TimeUnit unit) throws InterruptedException {
            TimeUnit timeUnit = unit == null ? TimeUnit.NANOSECONDS : unit;
            boolean spare = waiting.incrementAndGet() > 1;
            try {
                return super.poll(spare ? Math.min(timeout, timeUnit.convert(SPARE_IDLE)) : timeout, timeUnit);
            } finally {
                waiting.decrementAndGet();
            }
        }

        @Override
        public boolean offer(Runnable task) {
            int threads = pool.getPoolSize();
            if (unfinished.get() > threads && threads < pool.getMaximumPoolSize()) {
                return false; // every thread is busy: the pool starts another one
            }
            return super.offer(task);
        }

        boolean enqueue(Runnable task) {
            return super.offer(task);
        }
    }

    private final class SerialExecutor implements Executor {

        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable task) {
            synchronized (tasks) {
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            NetworkWorkers.this.execute(this::drain);
        }

        private void drain() {
            while (true) {
                @Nullable
                Runnable next;
                synchronized (tasks) {
                    next = tasks.poll();
                    if (next == null || pool.isShutdown()) {
                        tasks.clear();
                        running = false;
                        return;
                    }
                }
                runLogged(next);
            }
        }
    }
}
