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

import static org.openhab.binding.dyson.internal.handler.BenchStats.f;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhab.binding.dyson.internal.transport.ThreadCounts;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The binding's benchmark (issue 9): the whole path of a thing next to raw Paho in the same run, parse + map
 * throughput next to Gson, cost per device from 1 to 100 devices, and cloud thrift, all on the loopback test world.
 * Not a test: it asserts nothing about timing, prints its tables and writes them into {@code doc/benchmarks.md}
 * (between the markers {@value #BEGIN} and {@value #END}). Disabled unless {@code -Dbenchmark=true}:
 * {@code mvn -B test -Dtest=ThingBenchmark -Dbenchmark=true}. The binding logs at INFO (openHAB's default) while it
 * runs.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ThingBenchmark {

    static final String BEGIN = "<!-- benchmark:begin -->";
    static final String END = "<!-- benchmark:end -->";
    /** {@code -Dbenchmark.quick=true}: a short run that only checks that every section works (figures meaningless). */
    static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final int[] DEVICE_COUNTS = QUICK ? new int[] { 1, 10 } : new int[] { 1, 10, 50, 100 };

    @Test
    void measure() throws Exception {
        Logger binding = (Logger) LoggerFactory.getLogger("org.openhab.binding.dyson");
        Level level = binding.getLevel();
        binding.setLevel(Level.INFO);
        long started = System.nanoTime();
        List<String> out = new ArrayList<>();
        try (BenchWorld world = new BenchWorld()) {
            out.add(f("Run %s on %d cores, %s %s (%s), max heap %d MiB.", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                            + System.getProperty("os.arch"),
                    Runtime.getRuntime().maxMemory() >> 20));
            out.add("");
            // first: it also brings the binding's message path to full JIT speed for the round trips
            ParseBench parse = new ParseBench();
            section(out, "Parse + map throughput, one thread (messages/s; families " + parse.families() + ")",
                    "| corpus | binding parse + map | Gson to JsonObject alone | share of the floor | target |",
                    List.of(parse.row()));
            PathBench path = new PathBench(world);
            section(out, "Command → confirmed state through the thing (ms; thing = handleCommand → STATE-SET → "
                    + "STATE-CHANGE → stateUpdated on the callback; raw = plain Paho publish → STATE-CHANGE)",
                    "| transport | trips each | thing median | thing p99 | raw Paho median | raw Paho p99 "
                            + "| ratio median | ratio p99 | target |",
                    List.of(path.roundTrips(false), path.roundTrips(true)));
            out.add(String.join("; ", path.notes) + ".");
            out.add("");
            section(out, "Thing initialize → ONLINE with the first state (ms)",
                    "| transport | starts | thing median | thing p90 | raw Paho connect + subscribe + first state "
                            + "median | of which raw Paho connect + subscribe | IoT credentials calls per start "
                            + "| target |",
                    List.of(path.starts(false), path.starts(true)));
            ScaleBench scale = new ScaleBench(world);
            List<String> scaleRows = new ArrayList<>();
            for (int devices : DEVICE_COUNTS) {
                scaleRows.add(scale.row(devices, false));
                scaleRows.add(scale.row(devices, true));
            }
            section(out, f("Cost per device (idle period %d s; heap after GC; targets: threads ≤ 3 local, ≤ 4 cloud "
                    + "per device, ≤ 256 KiB per device)", ScaleBench.IDLE_MILLIS / 1000),
                    "| transport | devices | all ONLINE (s) | Paho threads / device | pool threads online / after "
                            + "idle | retained heap / device (KiB) | idle CPU, our threads (% of a core) "
                            + "| idle CPU, whole JVM | Paho threads after dispose | handlers still reachable 15 s after "
                            + "dispose | heap after dispose vs start (KiB) |",
                    scaleRows);
            ThriftBench thrift = new ThriftBench(world);
            List<String> thriftRows = thrift.rows();
            section(out, "Cloud thrift (one cloud thing; " + thrift.notes + ")",
                    "| measure | measured | target |", thriftRows);
            world.closeAccount();
            long idleFrom = System.nanoTime();
            while (ThreadCounts.pool() > 0 && System.nanoTime() - idleFrom < 40_000_000_000L) {
                Thread.sleep(250);
            }
            out.add(f("After disposing everything: %d Paho threads of ours, %d `dyson-network-*` pool threads "
                    + "%.0f s after the last work. Whole run: %.1f min, process CPU %.0f s.", ThreadCounts.paho(),
                    ThreadCounts.pool(), (System.nanoTime() - idleFrom) / 1e9, (System.nanoTime() - started) / 6e10,
                    BenchStats.processCpuNanos() / 1e9));
            out.add("JVM arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        } finally {
            binding.setLevel(level);
        }
        String text = String.join("\n", out);
        System.out.println(text);
        writeDoc(text);
    }

    private static void section(List<String> out, String title, String header, List<String> rows) {
        out.add("**" + title + "**");
        out.add("");
        out.add(header);
        out.add(header.replaceAll("[^|]+", "---"));
        out.addAll(rows);
        out.add("");
        System.out.println(String.join("\n", out.subList(out.size() - rows.size() - 4, out.size())));
    }

    /** Replaces the figures between the markers of doc/benchmarks.md (or appends them). */
    private static void writeDoc(String text) throws IOException {
        Path doc = Path.of(System.getProperty("user.dir"), "doc", "benchmarks.md");
        String current = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        String block = BEGIN + "\n" + text + "\n" + END;
        String updated = begin >= 0 && end > begin ? current.substring(0, begin) + block
                + current.substring(end + END.length()) : current + "\n" + block + "\n";
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
