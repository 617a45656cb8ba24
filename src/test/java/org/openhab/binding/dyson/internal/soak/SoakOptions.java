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

import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Options of a soak run: {@code --minutes=N} (default 30), {@code --seed=N} (default: from the clock, printed),
 * {@code --devices=N} (default 12, at least 2; half local, half cloud), {@code --grace=S} seconds a command may take
 * before it counts as lost (default 30).
 *
 * @param duration how long commands and faults run (the final recovery wait comes on top)
 * @param seed seed of the one {@link java.util.Random} behind every choice of the run
 * @param devices number of device things
 * @param grace how long a command may take to be applied or refused
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record SoakOptions(Duration duration, long seed, int devices, Duration grace) {

    public static final int DEFAULT_MINUTES = 30;
    public static final int DEFAULT_DEVICES = 12;
    public static final int DEFAULT_GRACE_SECONDS = 30;

    public SoakOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The run must last longer than 0");
        }
        if (devices < 2) {
            throw new IllegalArgumentException("At least 2 devices (one local, one cloud), got " + devices);
        }
        if (grace.toSeconds() < 5) {
            throw new IllegalArgumentException("The grace period must be at least 5 s");
        }
    }

    /** Parses {@code --name=value} arguments; unknown ones are an error. */
    public static SoakOptions parse(String[] args) {
        Duration duration = Duration.ofMinutes(DEFAULT_MINUTES);
        long seed = System.nanoTime();
        int devices = DEFAULT_DEVICES;
        Duration grace = Duration.ofSeconds(DEFAULT_GRACE_SECONDS);
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            String value = parts[1].trim();
            try {
                switch (parts[0]) {
                    case "--minutes" -> duration = Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--devices" -> devices = Integer.parseInt(value);
                    case "--grace" -> grace = Duration.ofSeconds(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + parts[0]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a number in " + arg);
            }
        }
        return new SoakOptions(duration, seed, devices, grace);
    }

    public static String usage() {
        return String.join(System.lineSeparator(), List.of(
                "Options: --minutes=N   how long to run (default " + DEFAULT_MINUTES + ", decimals allowed)",
                "         --seed=N      seed of the random faults and commands (default: new, printed)",
                "         --devices=N   device things, half local, half cloud (default " + DEFAULT_DEVICES + ")",
                "         --grace=S     seconds a command may take before it counts as lost (default "
                        + DEFAULT_GRACE_SECONDS + ")"));
    }

    /** The arguments that repeat this run. */
    public String asArguments() {
        return String.format("--minutes=%s --seed=%d --devices=%d --grace=%d",
                duration.toSeconds() % 60 == 0 ? Long.toString(duration.toMinutes())
                        : Double.toString(duration.toSeconds() / 60.0),
                seed, devices, grace.toSeconds());
    }
}
