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
package org.openhab.binding.dyson.internal.soak;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The reliability soak (see {@code doc/reliability.md}): runs the loopback world with device things of both
 * transports for a chosen time while a seeded {@link Random} sends commands and injects faults, then reports
 * commands sent/applied/refused/lost, reconnects, recovery times, heap and threads. Run it with
 * {@code mvn -B -q test-compile exec:exec@soak -Dsoak.args="--minutes=30"}; {@code ReliabilitySoakTest} runs two
 * minutes of it in the test command. The exit code is 0 only when nothing was lost, every thing recovered and the
 * binding's threads did not grow.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ReliabilitySoak {

    static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    /**
     * Longer than the binding's watchdog (a thing whose device stays silent for three refresh intervals, 3 x 60 s, is
     * reconnected) plus a reconnect: a connection that went deaf without closing is then recovered, not given up.
     */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);
    static final Duration FINAL_LIMIT = Duration.ofSeconds(240);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(45);
    private static final int FAULT_GAP_MIN_MILLIS = 5000;
    private static final int FAULT_GAP_SPREAD_MILLIS = 20000;
    private static final int COMMAND_GAP_MIN_MILLIS = 1000;
    private static final int COMMAND_GAP_SPREAD_MILLIS = 2000;
    private static final long CHECK_MILLIS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SoakOptions options;
    private final Consumer<String> out;
    private final AtomicReference<String> phase = new AtomicReference<>("start-up");
    private final AtomicReference<@Nullable CommandLoad> load = new AtomicReference<>();
    private final ScheduledThreadPoolExecutor driver = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "soak-commands");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean sending;

    private ReliabilitySoak(SoakOptions options, Consumer<String> out) {
        this.options = options;
        this.out = out;
    }

    /** Runs a soak and returns its figures; {@code out} gets a line per fault as it happens. */
    public static SoakResult run(SoakOptions options, Consumer<String> out) throws Exception {
        return new ReliabilitySoak(options, out).run();
    }

    private SoakResult run() throws Exception {
        out.accept("Dyson reliability soak: " + options.asArguments());
        try (RefusalLog refusals = new RefusalLog(this::onRefusal); SoakWorld world = SoakWorld.start(
                options.devices(), options.seed())) {
            return soak(world, refusals);
        } finally {
            driver.shutdownNow();
        }
    }

    private void onRefusal(String line) {
        CommandLoad current = load.get();
        if (current != null) {
            current.onRefusal(line);
        }
    }

    private SoakResult soak(SoakWorld world, RefusalLog refusals) throws Exception {
        List<SoakDevice> devices = world.devices();
        Instant created = Instant.now();
        world.startThings();
        Recoveries.Recovery startup = Recoveries.awaitRecovery(devices, created, STARTUP_LIMIT);
        if (!startup.recovered()) {
            throw new IllegalStateException("Things did not come ONLINE: " + startup.notRecovered());
        }
        Duration startupTime = Duration.between(created, Instant.now());
        say("all " + devices.size() + " things ONLINE after " + seconds(startupTime));
        Thread.sleep(2000);
        JvmFigures start = JvmFigures.take();
        Map<String, int[]> baseline = new HashMap<>();
        devices.forEach(device -> baseline.put(device.serial(), counters(device)));
        int refusalsBefore = refusals.count();

        Random random = new Random(options.seed());
        CommandLoad commands = new CommandLoad(devices, new Random(random.nextLong()), options.grace(), phase::get);
        load.set(commands);
        FaultInjector faults = new FaultInjector(world, new Random(random.nextLong()), phase);
        Random gaps = new Random(random.nextLong());
        Recoveries recoveries = new Recoveries();
        sending = true;
        scheduleCommand(commands, new Random(random.nextLong()));
        driver.scheduleWithFixedDelay(() -> guarded(commands::check), CHECK_MILLIS, CHECK_MILLIS,
                TimeUnit.MILLISECONDS);

        Instant runStart = Instant.now();
        Instant deadline = runStart.plus(options.duration());
        Instant lastFaultEnd = runStart;
        List<SoakDevice> lastAffected = devices;
        phase.set("quiet");
        while (true) {
            long gap = FAULT_GAP_MIN_MILLIS + gaps.nextInt(FAULT_GAP_SPREAD_MILLIS + 1);
            if (Instant.now().plusMillis(gap).isAfter(deadline)) {
                break;
            }
            Thread.sleep(gap);
            Fault fault = faults.injectNext();
            lastFaultEnd = fault.end();
            lastAffected = fault.affected();
            phase.set("recovering from " + fault.kind().label());
            Recoveries.Outcome outcome = recoveries.await(fault, RECOVERY_LIMIT);
            phase.set("quiet");
            say(String.format("%-20s %-45s %s", fault.kind().label(), fault.detail(), outcome.recovered()
                    ? "recovered in " + seconds(outcome.time())
                    : "NOT recovered within " + seconds(RECOVERY_LIMIT) + ": " + outcome.recovery().notRecovered()));
        }
        long remaining = Duration.between(Instant.now(), deadline).toMillis();
        if (remaining > 0) {
            Thread.sleep(remaining);
        }
        Duration ran = Duration.between(runStart, Instant.now());
        sending = false;
        phase.set("end of run");
        Instant drainUntil = Instant.now().plus(options.grace()).plusSeconds(5);
        while (commands.outstanding() > 0 && Instant.now().isBefore(drainUntil)) {
            Thread.sleep(CHECK_MILLIS);
        }
        driver.shutdownNow();
        driver.awaitTermination(5, TimeUnit.SECONDS);
        commands.check();

        // every thing recovered from its own faults before the next one came; at the end, the last fault's things
        // must have reported since it ended (a thing whose device is off and has no drifting sensors reports only
        // when something changes), and every thing must be ONLINE
        Recoveries.Recovery finalCheck = Recoveries.awaitRecovery(lastAffected, lastFaultEnd, FINAL_LIMIT)
                .andOnline(devices);
        JvmFigures end = settledFigures(start);
        end.stacksOfGrownKinds(start).forEach(stack -> say("more threads than at the start: " + stack));
        List<SoakResult.ThingFigures> things = new ArrayList<>();
        for (SoakDevice device : devices) {
            int[] now = counters(device);
            int[] before = baseline.getOrDefault(device.serial(), new int[3]);
            things.add(new SoakResult.ThingFigures(device.serial(), device.root(), device.transport(),
                    now[0] - before[0], now[1] - before[1], now[2] - before[2], device.thing().status().toString()));
        }
        return new SoakResult(options, ran, startupTime, commands.sent(), commands.applied(), commands.refused(),
                commands.lost(), refusals.count() - refusalsBefore, commands.lostDetails(), commands.applyTimes(),
                recoveries.outcomes(), things, finalCheck, start, end);
    }

    private static int[] counters(SoakDevice device) {
        SoakThing thing = device.thing();
        return new int[] { thing.wentOffline(), thing.backOnline(), thing.transportUps() };
    }

    private void scheduleCommand(CommandLoad commands, Random gaps) {
        long delay = COMMAND_GAP_MIN_MILLIS + gaps.nextInt(COMMAND_GAP_SPREAD_MILLIS + 1);
        driver.schedule(() -> {
            if (sending) {
                guarded(commands::sendOne);
                scheduleCommand(commands, gaps);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            say("soak driver error: " + e);
        }
    }

    /** Heap and threads once the binding's connection threads are back to their start count (bounded). */
    private static JvmFigures settledFigures(JvmFigures start) throws InterruptedException {
        Instant until = Instant.now().plus(SETTLE_LIMIT);
        JvmFigures figures = JvmFigures.take();
        while (figures.connectionThreads() > start.connectionThreads() && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
            figures = JvmFigures.take();
        }
        return figures;
    }

    private void say(String line) {
        out.accept(LocalTime.now().format(CLOCK) + " " + line);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** Runs a soak with the options given as arguments, prints the report and exits 0 (passed) or 1. */
    public static void main(String[] args) {
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (List.of(args).contains("--help")) {
            console.println(SoakOptions.usage());
            return;
        }
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SoakOptions.usage());
            System.exit(2);
            return;
        }
        int exitCode;
        try {
            SoakResult result = run(options, console::println);
            console.println(SoakReport.format(result));
            exitCode = result.passed() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("The soak did not run to its end: " + e);
            e.printStackTrace();
            exitCode = 3;
        }
        console.flush();
        System.exit(exitCode);
    }
}
