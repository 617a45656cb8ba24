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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Two minutes of the reliability soak ({@link ReliabilitySoak}) in the test command, with a fixed seed whose first
 * five fault gaps are short, so every fault kind comes once. It runs in a JVM of its own (the test JVM's class path,
 * same host file), so threads a fault leaves behind cannot upset the tests after it, and passes when the soak does:
 * no command lost, every thing back ONLINE and reporting, no more connection or network threads than at the start.
 * The soak's output goes to this test's output file.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ReliabilitySoakTest {

    /** Faults in this order: silent device, broker restart, cloud API errors, session expiry, connection drop. */
    private static final String SEED = "23";
    private static final long LIMIT_MINUTES = 8;

    @Test
    void twoMinutesOfFaultsLoseNoCommandAndLeaveNoThreadsBehind() throws Exception {
        List<String> output = new ArrayList<>();
        int exitCode = runSoak(List.of("--minutes=2", "--seed=" + SEED), output);
        String report = String.join(System.lineSeparator(), output);

        assertEquals(0, exitCode, "the soak failed:" + System.lineSeparator() + report);
        assertTrue(output.contains("RESULT: PASSED"), report);
        assertTrue(output.stream().anyMatch(line -> Pattern.matches("\\s+lost\\s+0", line)), report);
        for (FaultKind kind : FaultKind.values()) {
            Pattern injected = Pattern.compile("\\d\\d:\\d\\d:\\d\\d " + Pattern.quote(kind.label()) + " .*");
            assertTrue(output.stream().anyMatch(line -> injected.matcher(line).matches()),
                    "no " + kind.label() + " in:" + System.lineSeparator() + report);
        }
    }

    /** Runs the soak's main in a new JVM, copying its output to this test's output; returns the exit code. */
    private static int runSoak(List<String> options, List<String> output) throws IOException, InterruptedException {
        String hosts = System.getProperty("jdk.net.hosts.file",
                Path.of("src/test/resources/test-hosts").toAbsolutePath().toString());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
                "-Djdk.net.hosts.file=" + hosts, "-Dlogback.configurationFile=logback-soak.xml", "-cp",
                System.getProperty("java.class.path"), ReliabilitySoak.class.getName()));
        command.addAll(options);
        Process soak = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(soak.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println(line);
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "soak-output");
        copier.start();
        if (!soak.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            soak.destroyForcibly();
            fail("The soak did not end within " + LIMIT_MINUTES + " minutes");
        }
        copier.join(TimeUnit.SECONDS.toMillis(10));
        return soak.exitValue();
    }
}
