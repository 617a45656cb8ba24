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
package org.openhab.binding.dyson.internal.protocol;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Payloads of the robot vacuums' trigger channel {@code status#events}.
 * <ul>
 * <li>{@code FAULT_RAISED:<code>} — a fault became active: a fault code such as {@code 23.0.3} (360 Vis Nav, 360
 * Heurist), or the fault state such as {@code FAULT_LOST} (360 Eye); also for faults already active in the first
 * state report;</li>
 * <li>{@code FAULT_CLEARED:<code>} — it is no longer active;</li>
 * <li>{@code CLEAN_STARTED} — the robot started a clean ({@code FULL_CLEAN_INITIATED});</li>
 * <li>{@code CLEAN_FINISHED} — it finished one ({@code FULL_CLEAN_FINISHED}).</li>
 * </ul>
 * The fault payloads are those of the air treatment devices' {@link DeviceEvents}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RobotEvents {

    public static final String FAULT_RAISED = DeviceEvents.FAULT_RAISED;
    public static final String FAULT_CLEARED = DeviceEvents.FAULT_CLEARED;
    public static final String CLEAN_STARTED = "CLEAN_STARTED";
    public static final String CLEAN_FINISHED = "CLEAN_FINISHED";

    static final String STARTED_STATE = "FULL_CLEAN_INITIATED";
    static final String FINISHED_STATE = "FULL_CLEAN_FINISHED";

    private RobotEvents() {
    }
}
