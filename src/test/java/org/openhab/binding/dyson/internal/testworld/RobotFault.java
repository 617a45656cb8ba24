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
package org.openhab.binding.dyson.internal.testworld;

import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonObject;

/**
 * A fault a simulated robot can be given ({@link RobotSimulator#injectFault}), in the shape the 360 Vis Nav reports
 * it (captures 277/01 line 129 and 277/02 line 14): the robot moves to {@code state}, the {@code faults} map marks
 * {@code category} active with {@code code} as description, and {@code newActiveFaults} lists one entry with the
 * code, {@code nextActionRequired}, {@code present} and {@code requiredUserAction}.
 *
 * @param name the name used on the simulator console ({@code fault 277 lifted on})
 * @param category the subsystem in the {@code faults} map ({@code LIFT}, {@code AIRWAYS}, ...)
 * @param code the fault code ({@code 23.0.3})
 * @param state the robot state while the fault lasts ({@code FAULT_USER_RECOVERABLE})
 * @param nextActionRequired e.g. {@code LOCAL_USER_CONTINUE}, {@code WAIT_TO_CLEAR}
 * @param present {@code PRESENT} or {@code NOT_PRESENT}
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record RobotFault(String name, String category, String code, String state, String nextActionRequired,
        String present) {

    /**
     * The robot was lifted off the floor while cleaning (captured: 277/02 line 17, Vis Nav, code 23.0.3, as first
     * reported; once put down the capture shows {@code LOCAL_USER_CONTINUE}/{@code NOT_PRESENT}, not simulated).
     */
    public static final RobotFault LIFTED = new RobotFault("lifted", "LIFT", "23.0.3", "FAULT_USER_RECOVERABLE",
            "WAIT_TO_CLEAR", "PRESENT");
    /** Something blocks the airways (captured: 277/01 line 129, Vis Nav on its dock, code 7.0.-1). */
    public static final RobotFault AIRWAYS_BLOCKED = new RobotFault("airways", "AIRWAYS", "7.0.-1",
            "FAULT_USER_RECOVERABLE", "WAIT_TO_CLEAR", "PRESENT");
    /**
     * The bin is full: AIRWAYS with description {@code 1.0.-1}, which libdyson's 360 Heurist reads as "bin full"
     * ({@code is_bin_full}). Not captured; the entry's other fields are assumed like the airways fault's.
     */
    public static final RobotFault BIN_FULL = new RobotFault("bin-full", "AIRWAYS", "1.0.-1", "FAULT_USER_RECOVERABLE",
            "WAIT_TO_CLEAR", "PRESENT");
    /**
     * The robot cannot find where it is (state {@code FAULT_LOST} from libdyson's and matterbridge's state lists;
     * category {@code LOST} from the captured {@code faults} map). The code is made up: none was ever published.
     */
    public static final RobotFault LOST = new RobotFault("lost", "LOST", "30.0.-1", "FAULT_LOST",
            "LOCAL_USER_CONTINUE", "PRESENT");

    public static final List<RobotFault> KNOWN = List.of(LIFTED, AIRWAYS_BLOCKED, BIN_FULL, LOST);

    /** A known fault by its console name ({@code lifted}, {@code airways}, {@code bin-full}, {@code lost}). */
    public static @Nullable RobotFault named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(fault -> fault.name.equals(wanted)).findFirst().orElse(null);
    }

    /** The entry of {@code activeFaults} / {@code newActiveFaults} (key order as captured, alphabetical). */
    JsonObject activeFaultEntry() {
        JsonObject entry = new JsonObject();
        entry.addProperty("faultCode", code);
        entry.addProperty("nextActionRequired", nextActionRequired);
        entry.addProperty("present", present);
        entry.addProperty("requiredUserAction", "USER_RECOVERABLE");
        return entry;
    }
}
