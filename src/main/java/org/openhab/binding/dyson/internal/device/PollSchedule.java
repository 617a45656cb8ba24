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
package org.openhab.binding.dyson.internal.device;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * When to ask a device for its state, sensor data and faults. A job asks {@link #due} every local interval. Locally
 * every run asks for state and sensor data, and every five minutes for the faults; over the cloud (AWS IoT counts
 * every message) only every cloud interval, and for the faults every third cloud poll: at the default 300 s that is
 * 12 polls of two requests and 4 fault requests an hour, 56 messages with the answers.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class PollSchedule {

    /** What a poll asks for. */
    public enum Poll {
        NOTHING,
        STATE_AND_SENSORS,
        STATE_SENSORS_AND_FAULTS
    }

    private static final Duration LOCAL_FAULTS_INTERVAL = Duration.ofMinutes(5);
    private static final int FAULTS_EVERY_CLOUD_POLLS = 3;

    private final Duration localInterval;
    private final Duration cloudInterval;
    private Instant lastPoll = Instant.EPOCH;
    private Instant lastFaults = Instant.EPOCH;

    /** @param localSeconds seconds between polls locally; @param cloudSeconds over the cloud (not less) */
    public PollSchedule(int localSeconds, int cloudSeconds) {
        this.localInterval = Duration.ofSeconds(localSeconds);
        this.cloudInterval = Duration.ofSeconds(Math.max(localSeconds, cloudSeconds));
    }

    /**
     * What to ask now. A run of the poll job ({@code forced} false) asks only when its interval is (about) over: the
     * job runs every local interval, so a cloud poll is due at the first run after the cloud interval.
     */
    public synchronized Poll due(Instant now, boolean cloud, boolean forced) {
        Duration interval = cloud ? cloudInterval : localInterval;
        Duration slack = localInterval.dividedBy(2);
        if (!forced && Duration.between(lastPoll, now).compareTo(interval.minus(slack)) < 0) {
            return Poll.NOTHING;
        }
        lastPoll = now;
        Duration faults = cloud ? interval.multipliedBy(FAULTS_EVERY_CLOUD_POLLS) : LOCAL_FAULTS_INTERVAL;
        if (Duration.between(lastFaults, now).compareTo(faults.minus(interval.dividedBy(2))) < 0) {
            return Poll.STATE_AND_SENSORS;
        }
        lastFaults = now;
        return Poll.STATE_SENSORS_AND_FAULTS;
    }

    /** The device was just asked for everything (after a connect, or a refresh by a rule). */
    public synchronized void askedEverything(Instant now) {
        lastPoll = now;
        lastFaults = now;
    }

}
