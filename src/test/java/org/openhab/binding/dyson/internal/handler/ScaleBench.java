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

import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.reset;
import static org.openhab.binding.dyson.internal.handler.BenchStats.cpuBetween;
import static org.openhab.binding.dyson.internal.handler.BenchStats.f;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.transport.ThreadCounts;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * Cost per device: N things started at once (local-only, or under one account over the cloud), time until all are
 * ONLINE, threads, retained heap after GC, CPU over an idle period, and what is left after disposing them all.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ScaleBench {

    static final long IDLE_MILLIS = ThingBenchmark.QUICK ? 2000 : 15_000;
    /** Threads whose CPU counts as the binding's: Paho's of our connections, our pool, core's shared scheduler. */
    static final Predicate<String> OURS = name -> ThreadCounts.isPahoConnectionThread(name)
            || name.startsWith(NetworkWorkers.THREAD_NAME_PREFIX) || name.startsWith("OH-standin-");

    private final BenchWorld world;

    ScaleBench(BenchWorld world) {
        this.world = world;
    }

    /** One markdown row. */
    String row(int devices, boolean cloud) throws Exception {
        world.ensureSimulators(devices);
        if (cloud) {
            world.renewAccount();
        }
        long heapBefore = BenchStats.heapAfterGc();
        long pahoBefore = ThreadCounts.paho();
        List<DeviceHarness> things = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            things.add(world.thing(i, cloud));
        }
        long start = System.nanoTime();
        things.forEach(DeviceHarness::start);
        for (DeviceHarness thing : things) {
            PathBench.awaitOnline(thing);
        }
        double allOnline = (System.nanoTime() - start) / 1e9;
        long paho = ThreadCounts.paho() - pahoBefore;
        long pool = ThreadCounts.pool();

        Map<Long, Long> oursBefore = BenchStats.threadCpuNanos(OURS);
        long processBefore = BenchStats.processCpuNanos();
        long idleStart = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        long idleNanos = System.nanoTime() - idleStart;
        double oursCpu = 100.0 * cpuBetween(oursBefore, BenchStats.threadCpuNanos(OURS)) / idleNanos;
        double processCpu = 100.0 * (BenchStats.processCpuNanos() - processBefore) / idleNanos;
        long poolAfterIdle = ThreadCounts.pool();

        // the mocks record every callback call; that is the test's memory, not the binding's
        things.forEach(thing -> clearInvocations(thing.callback));
        if (cloud) {
            clearInvocations(world.account().callback);
        }
        long heapOnline = BenchStats.heapAfterGc();

        List<WeakReference<DysonDeviceHandler>> handlers = new ArrayList<>();
        things.forEach(thing -> handlers.add(new WeakReference<>(thing.handler)));
        things.forEach(DeviceHarness::close);
        if (cloud) {
            reset(world.account().callback); // its answer passes bridge changes on to the things: it names them
            world.closeAccount();
        }
        PathBench.awaitNoPahoThreads();
        long pahoLeft = ThreadCounts.paho();
        // Mockito's inline mocks keep their stubbings and recorded calls (which name the thing, and so the handler)
        // in a map that never lets go of a mock with either: that is the test's memory, so it is cleared first
        things.forEach(thing -> reset(thing.callback));
        things.clear();
        long heapAfter = BenchStats.heapAfterGc();
        // closing work may still be queued on the binding's pool: give it up to 15 s before a handler counts as kept
        long handlersLeft = handlers.stream().filter(handler -> handler.get() != null).count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (handlersLeft > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            BenchStats.heapAfterGc();
            handlersLeft = handlers.stream().filter(handler -> handler.get() != null).count();
        }
        return f("| %s | %d | %.2f | %.2f | %d / %d | %.0f | %.2f %% | %.2f %% | %d | %d | %+.0f |",
                cloud ? "cloud" : "local", devices, allOnline, (double) paho / devices, pool, poolAfterIdle,
                (heapOnline - heapBefore) / 1024.0 / devices, oursCpu, processCpu, pahoLeft, handlersLeft,
                (heapAfter - heapBefore) / 1024.0);
    }
}
