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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.Deflater;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * What a simulated robot vacuum does, without any MQTT: a state machine driven by commands ({@link #command}) and by
 * simulated time ({@link #advance}), producing the messages the robot publishes on {@code <root>/<serial>/status}.
 * Time is simulated in one-second steps, so a test can run an hour-long clean in milliseconds and sees the same
 * messages every time (the {@code time} fields count from the start instant given).
 * <p>
 * The clean cycle, per model, and where it comes from:
 * <ul>
 * <li><b>360 Eye</b> (captured N223/01, a scheduled clean): {@code INACTIVE_CHARGED} → {@code FULL_CLEAN_INITIATED}
 * → after 8 s {@code FULL_CLEAN_RUNNING} (with a MAP-GLOBAL) → a CURRENT-STATE on its own each time the battery
 * reaches 95, 85, ... 15 % → at 5 % {@code FULL_CLEAN_NEEDS_CHARGE}, home, {@code FULL_CLEAN_RUNNING} at the dock,
 * {@code FULL_CLEAN_CHARGING} (CURRENT-STATE at 10, 20, ... %), at 80 % {@code FULL_CLEAN_RUNNING} again → when done
 * it drives home still RUNNING, MAP-GRID and MAP-DATA, {@code FULL_CLEAN_FINISHED} with {@code endOfClean} at the
 * dock, TELEMETRY-DATA, {@code INACTIVE_CHARGING} → {@code INACTIVE_CHARGED} at 100 %. STATE-CHANGE carries every
 * value, not only the state. Power-on: {@code MACHINE_OFF} → {@code INACTIVE_CHARGED} without
 * {@code batteryChargeLevel}, then HELLO (both captured, N223/01 lines 1-2).</li>
 * <li><b>360 Vis Nav</b> (captured 277/01-03): START → {@code FULL_CLEAN_INITIATED}, the same again 3 s later,
 * {@code FULL_CLEAN_DISCOVERING} after 13 s, {@code FULL_CLEAN_TRAVERSING} and {@code FULL_CLEAN_RUNNING} 12 s
 * later; while running a same-state STATE-CHANGE ({@code RUNNING → RUNNING}) whenever the battery drops 5 % and
 * every report interval with the new position; done: {@code FULL_CLEAN_FINISHED} with {@code endOfClean} where it
 * is, {@code FINISHED → FINISHED} on the way home, {@code INACTIVE_CHARGING} at the dock (no position, no
 * duration), PERSISTENT-MAP-MANIFEST-UPDATED, same-state changes per 5 % charged, {@code INACTIVE_CHARGED}. Low
 * battery: {@code FULL_CLEAN_NEEDS_CHARGE} at 5 %, {@code FULL_CLEAN_CHARGING} at the dock, at 85 % RUNNING,
 * TRAVERSING, RUNNING. PAUSE: {@code FULL_CLEAN_PAUSED} (captured 277/02). Faults as captured ({@link RobotFault}).
 * Alphabetical keys (the captures' order).</li>
 * <li><b>360 Heurist</b>: never captured. Messages in the Vis Nav's shape (matterbridge issue #13: a docked
 * Heurist's CURRENT-STATE has {@code activeFaults}, {@code channel}, {@code rssi}, {@code sessionId} and cleaning
 * strategies, and lacks {@code batteryChargeLevel}, {@code cleanId} and {@code globalPosition}, so a docked Heurist
 * here sends its CURRENT-STATE without them, while its STATE-CHANGE carries the battery), with power modes
 * {@code 1}-{@code 3} in {@code currentVacuumPowerMode}/{@code defaultVacuumPowerMode} (libdyson), and the Eye's
 * simpler cycle (INITIATED → RUNNING, home while RUNNING, FINISHED at the dock): all inferred.</li>
 * </ul>
 * Inferred for all models (no capture shows it): PAUSE from any moving clean state and RESUME back to it; ABORT →
 * {@code FULL_CLEAN_ABORTED} (a state in libdyson's and matterbridge's lists), home, {@code INACTIVE_CHARGING}; a
 * STATE-SET of the default power answered by a same-state STATE-CHANGE (captured for the Vis Nav only); battery
 * rates per power mode other than the captured one. Robots never acknowledge: a command they do not take (a power
 * mode of another model, START while cleaning, PAUSE on the dock, START without {@code cleaningMode} on a Heurist or
 * Vis Nav, the Vis Nav's old {@code data.defaultVacuumPowerMode}, anything during a fault but REQUEST-CURRENT-STATE
 * and STATE-SET) is dropped without a word, and the state stays as it was.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RobotBehaviour {

    public static final String MACHINE_OFF = "MACHINE_OFF";
    public static final String INACTIVE_CHARGED = "INACTIVE_CHARGED";
    public static final String INACTIVE_CHARGING = "INACTIVE_CHARGING";
    public static final String FULL_CLEAN_INITIATED = "FULL_CLEAN_INITIATED";
    public static final String FULL_CLEAN_DISCOVERING = "FULL_CLEAN_DISCOVERING";
    public static final String FULL_CLEAN_TRAVERSING = "FULL_CLEAN_TRAVERSING";
    public static final String FULL_CLEAN_RUNNING = "FULL_CLEAN_RUNNING";
    public static final String FULL_CLEAN_PAUSED = "FULL_CLEAN_PAUSED";
    public static final String FULL_CLEAN_NEEDS_CHARGE = "FULL_CLEAN_NEEDS_CHARGE";
    public static final String FULL_CLEAN_CHARGING = "FULL_CLEAN_CHARGING";
    public static final String FULL_CLEAN_FINISHED = "FULL_CLEAN_FINISHED";
    public static final String FULL_CLEAN_ABORTED = "FULL_CLEAN_ABORTED";

    /**
     * What can be tuned: how long a clean runs (seconds spent cleaning, not counting charging), how often a Vis Nav or
     * Heurist reports its position while moving, and the seed of the Eye's clean ids.
     */
    public record Settings(Duration cleanLength, Duration reportInterval, long seed) {
        /** A 20-minute clean (fits one battery charge on every model), position reports every 30 s (277/01). */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(20), Duration.ofSeconds(30), 1);

        public Settings withCleanLength(Duration length) {
            return new Settings(length, reportInterval, seed);
        }
    }

    /** Where the dock is; a robot closer than one step of travel is home. */
    static final int DOCK_X = 0;
    static final int DOCK_Y = 0;
    /** Cleaning speed along the lanes (the Eye covered about 1.5 m in 45 s, N223/01) and travel speed home. */
    static final double CLEAN_SPEED_MM_S = 100;
    static final double TRAVEL_SPEED_MM_S = 250;
    /** The lanes: 20 lanes of 4 m, 300 mm apart, in a 6 m x 4 m room beside the dock. */
    static final double LANE_LENGTH = 4000;
    static final double LANE_SPACING = 300;
    static final int LANES = 20;
    /** The battery level at or below which a clean stops to charge (captured at 5 % on the Eye and the Vis Nav). */
    static final int LOW_BATTERY = 5;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> DOCKED = Set.of(INACTIVE_CHARGED, INACTIVE_CHARGING, "INACTIVE_DISCHARGING");
    private static final Set<String> STARTABLE = Set.of(INACTIVE_CHARGED, INACTIVE_CHARGING, "INACTIVE_DISCHARGING",
            FULL_CLEAN_FINISHED, FULL_CLEAN_ABORTED);
    private static final Set<String> PAUSABLE = Set.of(FULL_CLEAN_INITIATED, FULL_CLEAN_DISCOVERING,
            FULL_CLEAN_TRAVERSING, FULL_CLEAN_RUNNING, FULL_CLEAN_NEEDS_CHARGE);
    private static final Set<String> ABORTABLE = Set.of(FULL_CLEAN_INITIATED, FULL_CLEAN_DISCOVERING,
            FULL_CLEAN_TRAVERSING, FULL_CLEAN_RUNNING, FULL_CLEAN_PAUSED, FULL_CLEAN_NEEDS_CHARGE,
            FULL_CLEAN_CHARGING);
    private static final Set<String> CLEAN_TYPES = Set.of("immediate", "manual", "scheduled");
    private static final Set<String> CLEANING_MODES = Set.of("global", "zoneConfigured");
    /** The subsystems of the {@code faults} map: as captured on the Vis Nav (277/01), without LIFT on older models. */
    private static final List<String> FAULT_CATEGORIES = List.of("AIRWAYS", "BATTERY", "BRUSH_BAR_AND_TRACTION",
            "CHARGE_STATION", "LIFT", "LOST", "OPTICS");

    private final RobotModel model;
    private final String serial;
    private final Settings settings;
    private final Random random;
    private final List<JsonObject> outbox = new ArrayList<>();

    private Instant now;
    private String state = INACTIVE_CHARGED;
    private String previousState = INACTIVE_CHARGED;
    private double battery = 100;
    private int lastReportedBattery = 100;
    private double x = DOCK_X;
    private double y = DOCK_Y;
    private String cleanId = "";
    private String fullCleanType = "";
    private String cleaningMode = "global";
    private @Nullable JsonObject cleaningProgramme;
    private double cleanDuration = -1; // < 0: no clean under way (no cleanDuration key)
    private double cleaned; // seconds spent cleaning in this clean
    private boolean returning; // Eye and Heurist: the clean is done, heading home while still RUNNING
    private String defaultPower;
    private String currentPower;
    private double inState; // seconds since the state was entered
    private double sinceReport;
    private @Nullable String pausedFrom;
    private @Nullable RobotFault fault;
    private int cleanCounter;
    private final String sessionId;
    private boolean poweredOn;

    public RobotBehaviour(RobotModel model, String serial, Instant start, Settings settings) {
        this.model = model;
        this.serial = serial;
        this.now = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.defaultPower = model.defaultPowerMode();
        this.currentPower = defaultPower;
        this.sessionId = guid(40);
        this.cleanId = model == RobotModel.EYE ? "" : guid(++cleanCounter);
    }

    public RobotModel model() {
        return model;
    }

    public String serial() {
        return serial;
    }

    public synchronized String state() {
        return state;
    }

    /** The battery level as the robot reports it (5 % steps). */
    public synchronized int batteryLevel() {
        return reported(battery);
    }

    /** The position as the robot reports it ({@code globalPosition}, millimetres from where the map starts). */
    public synchronized int[] position() {
        return new int[] { (int) Math.round(x), (int) Math.round(y) };
    }

    public synchronized String cleanId() {
        return cleanId;
    }

    /** The default power setting ({@code defaultVacuumPowerMode}, on the Vis Nav {@code defaultCleaningStrategy}). */
    public synchronized String defaultPower() {
        return defaultPower;
    }

    public synchronized @Nullable RobotFault fault() {
        return fault;
    }

    /** The simulated time now. */
    public synchronized Instant now() {
        return now;
    }

    /** Takes the messages published since the last call, in order. */
    public synchronized List<JsonObject> drain() {
        List<JsonObject> messages = List.copyOf(outbox);
        outbox.clear();
        return messages;
    }

    /**
     * The robot's MQTT client has (re)connected to its broker. The first time it powers on: Eye and Heurist send
     * {@code MACHINE_OFF → INACTIVE_CHARGED} without the battery and HELLO (N223/01 lines 1-2; Heurist assumed the
     * same), later only HELLO; the Vis Nav sends IM-BACK with its state (277/02 line 1).
     */
    public synchronized void connected() {
        if (model == RobotModel.VIS_NAV) {
            JsonObject imBack = new JsonObject();
            imBack.addProperty("msg", "IM-BACK");
            imBack.addProperty("state", state);
            imBack.addProperty("time", time());
            outbox.add(imBack);
            poweredOn = true;
            return;
        }
        if (!poweredOn) {
            poweredOn = true;
            JsonObject boot = stateChange(MACHINE_OFF, state, null);
            boot.remove("batteryChargeLevel");
            outbox.add(shaped(boot));
        }
        JsonObject hello = new JsonObject();
        hello.addProperty("msg", "HELLO");
        hello.addProperty("time", time());
        hello.addProperty("protocol", "1.0.0");
        hello.addProperty("serial", serial);
        hello.addProperty("version", model.firmware());
        outbox.add(hello);
    }

    /** GOODBYE as the Eye says it (N223/02: {@code "reason":"UNKNOWN"}). */
    public synchronized void goodbye() {
        JsonObject goodbye = new JsonObject();
        goodbye.addProperty("msg", "GOODBYE");
        goodbye.addProperty("reason", "UNKNOWN");
        goodbye.addProperty("time", time());
        outbox.add(goodbye);
    }

    /**
     * Sets the battery level at once (for tests of a low battery). A robot sitting charged on its dock starts charging
     * when the level drops below 100 % (a STATE-CHANGE); otherwise nothing is published until the next report.
     */
    public synchronized void setBattery(int percent) {
        battery = Math.max(0, Math.min(100, percent));
        if (INACTIVE_CHARGED.equals(state) && battery < 100) {
            changeTo(INACTIVE_CHARGING);
        }
        lastReportedBattery = reported(battery);
    }

    /**
     * Handles one message from the command topic. Returns whether the robot took it (a real robot never says; this is
     * for tests and the console).
     */
    public synchronized boolean command(JsonObject command) {
        String msg = string(command, "msg");
        if (msg == null) {
            return false;
        }
        if (fault != null && !"REQUEST-CURRENT-STATE".equals(msg) && !"STATE-SET".equals(msg)) {
            return false;
        }
        switch (msg) {
            case "REQUEST-CURRENT-STATE":
                outbox.add(currentState());
                return true;
            case "START":
                return start(command);
            case "PAUSE":
                if (!PAUSABLE.contains(state)) {
                    return false;
                }
                pausedFrom = state;
                changeTo(FULL_CLEAN_PAUSED);
                return true;
            case "RESUME":
                String before = pausedFrom;
                if (!FULL_CLEAN_PAUSED.equals(state) || before == null) {
                    return false;
                }
                pausedFrom = null;
                changeTo(before);
                return true;
            case "ABORT":
                if (!ABORTABLE.contains(state)) {
                    return false;
                }
                returning = false;
                pausedFrom = null;
                changeTo(FULL_CLEAN_ABORTED);
                return true;
            case "STATE-SET":
                return stateSet(command);
            default:
                return false;
        }
    }

    private boolean start(JsonObject command) {
        String type = string(command, "fullCleanType");
        if (!STARTABLE.contains(state) || type == null || !CLEAN_TYPES.contains(type)) {
            return false;
        }
        String mode = string(command, "cleaningMode");
        JsonElement programme = command.get("cleaningProgramme");
        if (model.hasCleaningModes()) {
            // libdyson's Heurist and matterbridge send cleaningMode with every START; a zone clean needs its zones
            if (mode == null || !CLEANING_MODES.contains(mode)) {
                return false;
            }
            if ("zoneConfigured".equals(mode) && (programme == null || !programme.isJsonObject())) {
                return false;
            }
            cleaningMode = mode;
            cleaningProgramme = "zoneConfigured".equals(mode) && programme != null
                    ? programme.getAsJsonObject().deepCopy()
                    : null;
        }
        String strategy = string(command, "cleaningStrategy");
        currentPower = model == RobotModel.VIS_NAV && strategy != null && model.powerModes().contains(strategy)
                ? strategy
                : defaultPower;
        fullCleanType = type;
        cleanId = model == RobotModel.EYE ? new UUID(random.nextLong(), random.nextLong()).toString()
                : guid(++cleanCounter);
        cleanDuration = model == RobotModel.EYE ? -1 : 0;
        cleaned = 0;
        returning = false;
        if (DOCKED.contains(state)) {
            x = DOCK_X;
            y = DOCK_Y;
        }
        changeTo(FULL_CLEAN_INITIATED);
        return true;
    }

    private boolean stateSet(JsonObject command) {
        String value = null;
        if (model == RobotModel.VIS_NAV) {
            // captured 277/01: {"defaults":{"defaultCleaningStrategy":"quick"}}; matterbridge moved the Vis Nav from
            // data.defaultVacuumPowerMode to this, so the old form is taken as not understood
            value = nested(command, "defaults", "defaultCleaningStrategy");
        } else if (model == RobotModel.HEURIST) {
            // libdyson's Heurist writes "defaults", matterbridge "data": both taken
            value = nested(command, "defaults", "defaultVacuumPowerMode");
            if (value == null) {
                value = nested(command, "data", "defaultVacuumPowerMode");
            }
        } else {
            value = nested(command, "data", "defaultVacuumPowerMode");
        }
        if (value == null || !model.powerModes().contains(value)) {
            return false;
        }
        defaultPower = value;
        if (DOCKED.contains(state) || fault != null && cleanDuration < 0) {
            currentPower = value; // captured 277/01 14:19:52-55: on the dock the current strategy follows at once
        }
        changeTo(state);
        return true;
    }

    /**
     * Lets a fault come: the robot stops where it is and reports it (as the Vis Nav does, 277/02 line 14). Returns
     * false when a fault is already active.
     */
    public synchronized boolean injectFault(RobotFault newFault) {
        if (fault != null) {
            return false;
        }
        String before = state;
        fault = newFault;
        JsonObject change = stateChange(before, newFault.state(), null);
        previousState = state;
        state = newFault.state();
        inState = 0;
        outbox.add(shaped(change));
        return true;
    }

    /**
     * The user deals with the fault: on the dock the robot goes back to charging (277/01 line 130:
     * {@code FAULT_USER_RECOVERABLE → INACTIVE_CHARGING}); during a clean the user puts it back on its dock and the
     * clean is over (277/02 line 21: {@code FAULT_USER_RECOVERABLE → INACTIVE_CHARGED}). Returns false without a
     * fault.
     */
    public synchronized boolean clearFault() {
        RobotFault current = fault;
        if (current == null) {
            return false;
        }
        fault = null;
        pausedFrom = null;
        x = DOCK_X;
        y = DOCK_Y;
        fullCleanType = "";
        cleanDuration = -1;
        cleaningMode = "global";
        cleaningProgramme = null;
        currentPower = defaultPower;
        String next = battery >= 100 ? INACTIVE_CHARGED : INACTIVE_CHARGING;
        String before = state;
        state = next;
        inState = 0;
        previousState = before;
        JsonObject change = stateChange(before, next, current);
        outbox.add(shaped(change));
        return true;
    }

    /** Lets {@code duration} of simulated time pass, in one-second steps. */
    public synchronized void advance(Duration duration) {
        long seconds = duration.getSeconds();
        for (long i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            inState++;
            sinceReport++;
            step();
        }
    }

    private void step() {
        switch (state) {
            case INACTIVE_CHARGING -> {
                charge();
                if (battery >= 100) {
                    battery = 100;
                    lastReportedBattery = 100;
                    changeTo(INACTIVE_CHARGED);
                } else {
                    reportBatteryWhileCharging(false);
                }
            }
            case FULL_CLEAN_INITIATED -> initiated();
            case FULL_CLEAN_DISCOVERING -> {
                countDuration();
                useBattery();
                moving(CLEAN_SPEED_MM_S, false);
                if (inState >= 12) {
                    changeTo(FULL_CLEAN_TRAVERSING);
                }
            }
            case FULL_CLEAN_TRAVERSING -> {
                countDuration();
                useBattery();
                moving(TRAVEL_SPEED_MM_S, false);
                if (inState >= (cleaned > 0 ? 7 : 1)) {
                    changeTo(FULL_CLEAN_RUNNING);
                }
            }
            case FULL_CLEAN_RUNNING -> running();
            case FULL_CLEAN_NEEDS_CHARGE -> {
                countDuration();
                if (headHome()) {
                    if (model == RobotModel.EYE) {
                        // captured N223/01 08:32:03-07: NEEDS_CHARGE → RUNNING at the dock, CHARGING 4 s later
                        changeTo(FULL_CLEAN_RUNNING);
                    } else {
                        changeTo(FULL_CLEAN_CHARGING);
                    }
                } else {
                    periodicReport();
                }
            }
            case FULL_CLEAN_CHARGING -> {
                countDuration();
                charge();
                if (reported(battery) >= resumeLevel()) {
                    lastReportedBattery = reported(battery);
                    changeTo(FULL_CLEAN_RUNNING);
                    if (model == RobotModel.VIS_NAV) {
                        changeTo(FULL_CLEAN_TRAVERSING); // captured 277/01 13:06:25
                    }
                } else {
                    reportBatteryWhileCharging(true);
                }
            }
            case FULL_CLEAN_FINISHED, FULL_CLEAN_ABORTED -> {
                if (cleanDuration >= 0) {
                    countDuration();
                }
                if (model != RobotModel.VIS_NAV && FULL_CLEAN_FINISHED.equals(state)) {
                    if (inState >= 4) { // captured N223/01 10:03:24 → 10:03:28
                        toDock();
                    }
                } else if (headHome()) {
                    toDock();
                } else {
                    periodicReport();
                }
            }
            default -> {
                // INACTIVE_CHARGED, FULL_CLEAN_PAUSED, faults, MACHINE_OFF: nothing moves
            }
        }
    }

    private void initiated() {
        countDuration();
        if (model == RobotModel.VIS_NAV) {
            if (inState == 3) {
                changeTo(FULL_CLEAN_INITIATED); // captured 277/02 16:36:49 and 277/03 07:19:44
            } else if (inState >= 13) {
                changeTo(FULL_CLEAN_DISCOVERING);
            }
        } else if (inState >= 8) { // captured N223/01 08:00:29 → 08:00:37
            if (model == RobotModel.EYE) {
                cleanDuration = inState - 1; // the Eye reports cleanDuration from RUNNING on (N223/01: 7)
            }
            changeTo(FULL_CLEAN_RUNNING);
            if (model == RobotModel.EYE) {
                outbox.add(mapGlobal());
            }
        }
    }

    private void running() {
        countDuration();
        if (returning) {
            useBattery();
            if (headHome()) {
                returning = false;
                if (model == RobotModel.EYE) {
                    outbox.add(mapGrid());
                    outbox.add(mapData());
                }
                changeTo(FULL_CLEAN_FINISHED, true);
                if (model == RobotModel.EYE) {
                    telemetry().forEach(outbox::add);
                }
            } else {
                periodicReport();
            }
            return;
        }
        if (model == RobotModel.EYE && inState < 4 && atDock()
                && lastState(FULL_CLEAN_NEEDS_CHARGE)) {
            if (inState >= 3) {
                changeTo(FULL_CLEAN_CHARGING);
            }
            return;
        }
        cleaned++;
        useBattery();
        moving(CLEAN_SPEED_MM_S, true);
        if (reported(battery) <= LOW_BATTERY) {
            lastReportedBattery = reported(battery);
            changeTo(FULL_CLEAN_NEEDS_CHARGE);
            return;
        }
        if (cleaned >= settings.cleanLength().getSeconds()) {
            if (model == RobotModel.VIS_NAV) {
                changeTo(FULL_CLEAN_FINISHED, true);
            } else {
                returning = true;
            }
            return;
        }
        periodicReport();
    }

    private boolean lastState(String wanted) {
        return wanted.equals(previousState);
    }

    private void toDock() {
        x = DOCK_X;
        y = DOCK_Y;
        fullCleanType = "";
        cleanDuration = -1;
        cleaningMode = "global";
        cleaningProgramme = null;
        currentPower = defaultPower;
        changeTo(battery >= 100 ? INACTIVE_CHARGED : INACTIVE_CHARGING);
        if (model == RobotModel.VIS_NAV) {
            JsonObject updated = new JsonObject();
            updated.addProperty("msg", "PERSISTENT-MAP-MANIFEST-UPDATED");
            updated.addProperty("time", time());
            outbox.add(updated); // captured 277/03 07:24:52, right after INACTIVE_CHARGING
        }
    }

    private int resumeLevel() {
        return model == RobotModel.VIS_NAV ? 85 : 80; // captured: 277/01 13:06:25 at 85 %, N223/01 09:45:43 at 80 %
    }

    /** Battery use per second while moving, by power setting (Eye full power and Vis Nav auto as captured). */
    private double drainPerSecond() {
        return switch (currentPower) {
            case "halfPower", "1", "quiet" -> 0.035;
            case "2", "quick", "auto" -> 0.045;
            default -> 0.053; // fullPower: 100 → 5 % in 1795 s of cleaning (N223/01)
        };
    }

    private void useBattery() {
        battery = Math.max(0, battery - drainPerSecond());
    }

    /** Docked 15 → 100 % in about an hour (N223/01 10:03-11:02); the Vis Nav 5 → 85 % in 84 min (277/01). */
    private void charge() {
        battery = Math.min(100, battery + (model == RobotModel.EYE ? 0.024 : 0.016));
    }

    private void countDuration() {
        if (cleanDuration >= 0) {
            cleanDuration++;
        }
    }

    /** Moves along the lanes (cleaning) or wherever it is heading. */
    private void moving(double speed, boolean lanes) {
        if (lanes) {
            double distance = cleaned * speed;
            double perLane = LANE_LENGTH + LANE_SPACING;
            int lane = (int) (distance / perLane) % LANES;
            double along = distance % perLane;
            double laneY = Math.min(along, LANE_LENGTH);
            if (lane % 2 == 1) {
                laneY = LANE_LENGTH - laneY;
            }
            x = -lane * LANE_SPACING - Math.max(0, along - LANE_LENGTH);
            y = laneY - LANE_LENGTH / 2;
        } else {
            x -= speed / 4;
        }
    }

    /** One step towards the dock; true once there. */
    private boolean headHome() {
        double dx = DOCK_X - x;
        double dy = DOCK_Y - y;
        double distance = Math.hypot(dx, dy);
        if (distance <= TRAVEL_SPEED_MM_S) {
            x = DOCK_X;
            y = DOCK_Y;
            return true;
        }
        x += dx / distance * TRAVEL_SPEED_MM_S;
        y += dy / distance * TRAVEL_SPEED_MM_S;
        return false;
    }

    private boolean atDock() {
        return Math.hypot(x - DOCK_X, y - DOCK_Y) < 1;
    }

    /**
     * While moving: the Eye sends a CURRENT-STATE of its own when its battery reaches 95, 85, ... % (N223/01); the
     * Vis Nav and the Heurist a same-state STATE-CHANGE at every 5 % and every report interval (277/01).
     */
    private void periodicReport() {
        int level = reported(battery);
        boolean batteryMoved = level != lastReportedBattery;
        lastReportedBattery = level;
        if (model == RobotModel.EYE) {
            if (batteryMoved && level % 10 == 5) {
                outbox.add(currentState());
            }
            return;
        }
        if (batteryMoved || sinceReport >= settings.reportInterval().getSeconds()) {
            changeTo(state);
        }
    }

    /** While charging: the Eye at 10, 20, ... % (CURRENT-STATE, N223/01), the others at every 5 % (STATE-CHANGE). */
    private void reportBatteryWhileCharging(boolean inClean) {
        int level = reported(battery);
        if (level == lastReportedBattery) {
            return;
        }
        lastReportedBattery = level;
        if (model == RobotModel.EYE) {
            if (level % 10 == 0) {
                outbox.add(currentState());
            }
        } else {
            changeTo(state);
        }
    }

    private void changeTo(String next) {
        changeTo(next, false);
    }

    private void changeTo(String next, boolean endOfClean) {
        JsonObject change = stateChange(state, next, null);
        if (endOfClean) {
            change.addProperty("endOfClean", true);
            if (model != RobotModel.VIS_NAV) {
                // keep the Eye's device order: endOfClean before time
                JsonElement time = change.remove("time");
                change.add("time", time);
            }
        }
        if (!next.equals(state)) {
            previousState = state;
            inState = 0;
        }
        state = next;
        sinceReport = 0;
        lastReportedBattery = reported(battery);
        outbox.add(shaped(change));
    }

    /** Heurist and Vis Nav messages with alphabetical keys (the captures' order), the Eye's as built. */
    private JsonObject shaped(JsonObject message) {
        return model == RobotModel.EYE ? message : sorted(message);
    }

    /** The STATE-CHANGE from {@code old} to {@code next}; {@code cleared}: the fault that just went. */
    private JsonObject stateChange(String old, String next, @Nullable RobotFault cleared) {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "STATE-CHANGE");
        if (model == RobotModel.EYE) {
            // device order, N223/02 line 2
            message.addProperty("oldstate", old);
            message.addProperty("newstate", next);
            addEyeValues(message);
            return message;
        }
        boolean moving = !DOCKED.contains(next) && cleanDuration >= 0;
        message.addProperty("batteryChargeLevel", reported(battery));
        if (moving) {
            message.addProperty("cleanDuration", (long) cleanDuration);
        }
        message.addProperty("cleanId", cleanId);
        addCleaningValues(message);
        if (moving) {
            message.add("globalPosition", positionArray());
        }
        RobotFault current = fault;
        JsonArray newFaults = new JsonArray();
        JsonArray oldFaults = new JsonArray();
        if (current != null) {
            message.add("faults", faultsMap(current));
            newFaults.add(current.activeFaultEntry());
            if (old.equals(next)) {
                oldFaults.add(current.activeFaultEntry());
            }
        }
        if (cleared != null) {
            oldFaults.add(cleared.activeFaultEntry());
        }
        message.add("newActiveFaults", newFaults);
        message.add("oldActiveFaults", oldFaults);
        if (model == RobotModel.VIS_NAV) {
            message.addProperty("newOutOfBoxState", "OUT_OF_BOX_COMPLETE");
            message.addProperty("oldOutOfBoxState", "OUT_OF_BOX_COMPLETE");
        }
        message.addProperty("newstate", next);
        message.addProperty("oldstate", old);
        message.addProperty("sessionId", sessionId);
        message.addProperty("time", time());
        return message;
    }

    /** The CURRENT-STATE the robot answers REQUEST-CURRENT-STATE with (or sends by itself, the Eye). */
    public synchronized JsonObject currentState() {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "CURRENT-STATE");
        if (model == RobotModel.EYE) {
            message.addProperty("state", state);
            addEyeValues(message);
            return message;
        }
        boolean docked = DOCKED.contains(state) || fault != null && atDock() && cleanDuration < 0;
        RobotFault current = fault;
        JsonArray active = new JsonArray();
        if (current != null) {
            active.add(current.activeFaultEntry());
            message.add("faults", faultsMap(current));
        }
        message.add("activeFaults", active);
        // a docked Heurist leaves out battery and clean id (matterbridge issue #13)
        if (!(model == RobotModel.HEURIST && docked)) {
            message.addProperty("batteryChargeLevel", reported(battery));
            message.addProperty("cleanId", cleanId);
        }
        message.addProperty("channel", "100");
        if (!docked && cleanDuration >= 0) {
            message.addProperty("cleanDuration", (long) cleanDuration);
            message.add("globalPosition", positionArray());
        }
        addCleaningValues(message);
        if (model == RobotModel.VIS_NAV) {
            message.addProperty("outOfBoxState", "OUT_OF_BOX_COMPLETE");
        }
        message.addProperty("rssi", "-46");
        message.addProperty("sessionId", sessionId);
        message.addProperty("state", state);
        message.addProperty("time", time());
        return sorted(message);
    }

    /** The Eye's values after the state, in device order (N223/02). */
    private void addEyeValues(JsonObject message) {
        message.addProperty("fullCleanType", fullCleanType);
        message.addProperty("cleanId", cleanId);
        if (cleanDuration >= 0) {
            message.addProperty("cleanDuration", (long) cleanDuration);
        }
        message.addProperty("currentVacuumPowerMode", currentPower);
        message.addProperty("defaultVacuumPowerMode", defaultPower);
        message.add("globalPosition", positionArray());
        message.addProperty("batteryChargeLevel", reported(battery));
        RobotFault current = fault;
        if (current != null) {
            message.add("faults", faultsMap(current)); // the Eye reports "faults" (matterbridge issue #13); assumed
        }
        message.addProperty("time", time());
    }

    /** Cleaning mode, strategy and power keys of the Heurist and the Vis Nav (277/01 key set). */
    private void addCleaningValues(JsonObject message) {
        JsonObject programme = cleaningProgramme;
        if (programme != null) {
            message.add("cleaningProgramme", programme.deepCopy());
        }
        message.addProperty("currentCleaningMode", cleaningMode);
        message.addProperty("defaultCleaningMode", "global");
        if (model == RobotModel.VIS_NAV) {
            message.addProperty("currentCleaningStrategy", currentPower);
            message.addProperty("defaultCleaningStrategy", defaultPower);
            message.addProperty("currentVacuumPowerMode", "0"); // as captured throughout 277/01
        } else {
            message.addProperty("currentCleaningStrategy", "auto");
            message.addProperty("defaultCleaningStrategy", "auto");
            message.addProperty("currentVacuumPowerMode", currentPower);
            message.addProperty("defaultVacuumPowerMode", defaultPower);
        }
        message.addProperty("fullCleanType", fullCleanType);
    }

    private JsonObject faultsMap(RobotFault active) {
        JsonObject faults = new JsonObject();
        for (String category : FAULT_CATEGORIES) {
            if ("LIFT".equals(category) && model != RobotModel.VIS_NAV && !"LIFT".equals(active.category())) {
                continue; // matterbridge's older fault map (Eye, Heurist) has no LIFT
            }
            JsonObject status = new JsonObject();
            boolean isActive = category.equals(active.category());
            status.addProperty("active", isActive);
            if (isActive) {
                status.addProperty("description", active.code());
            }
            faults.add(category, status);
        }
        return faults;
    }

    private JsonArray positionArray() {
        JsonArray position = new JsonArray();
        int[] xy = position();
        position.add(xy[0]);
        position.add(xy[1]);
        return position;
    }

    /** MAP-GLOBAL as the Eye sends it when it starts running (N223/01 08:00:37). */
    private JsonObject mapGlobal() {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "MAP-GLOBAL");
        message.addProperty("gridID", "1");
        message.addProperty("x", 0);
        message.addProperty("y", 0);
        message.addProperty("angle", -180);
        message.addProperty("cleanId", cleanId);
        message.addProperty("time", time());
        return message;
    }

    private JsonObject mapGrid() {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "MAP-GRID");
        message.addProperty("gridID", "1");
        message.addProperty("resolution", 43);
        message.addProperty("width", 144);
        message.addProperty("height", 144);
        message.addProperty("cleanId", cleanId);
        JsonArray anchor = new JsonArray();
        anchor.add(16);
        anchor.add(72);
        message.add("anchor", anchor);
        message.addProperty("time", time());
        return message;
    }

    /** MAP-DATA with a small map, deflated and base64-encoded as the Eye sends it (key order N223/02). */
    private JsonObject mapData() {
        JsonObject map = new JsonObject();
        JsonArray cleaned = new JsonArray();
        for (int row = 0; row < 4; row++) {
            JsonArray cells = new JsonArray();
            for (int column = 0; column < 4; column++) {
                cells.add(1);
            }
            cleaned.add(cells);
        }
        map.add("cleaned", cleaned);
        Deflater deflater = new Deflater();
        deflater.setInput(map.toString().getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        JsonObject data = new JsonObject();
        data.addProperty("content-type", "application/json");
        data.addProperty("content-encoding", "gzip");
        data.addProperty("content", Base64.getEncoder().encodeToString(out.toByteArray()));
        JsonObject message = new JsonObject();
        message.addProperty("msg", "MAP-DATA");
        message.addProperty("gridID", "1");
        message.addProperty("cleanId", cleanId);
        message.add("data", data);
        message.addProperty("time", time());
        return message;
    }

    /** A few of the TELEMETRY-DATA the Eye sends at the end of a clean (N223/01 10:03:27; 189 of them there). */
    private List<JsonObject> telemetry() {
        List<JsonObject> messages = new ArrayList<>();
        String[][] fields = { { "40010000", "1.0.0", "61.000000" }, { "40060000", "6.0.0", "9.000000" },
                { "40600000", "60.0.0", String.format(java.util.Locale.ROOT, "%.6f", cleanDurationOrZero()) } };
        for (String[] field : fields) {
            JsonObject message = new JsonObject();
            message.addProperty("msg", "TELEMETRY-DATA");
            message.addProperty("id", field[0]);
            message.addProperty("field1", field[1]);
            message.addProperty("field2", field[2]);
            message.addProperty("field3", "");
            message.addProperty("field4", cleanId);
            message.addProperty("time", time());
            messages.add(message);
        }
        return messages;
    }

    private double cleanDurationOrZero() {
        return Math.max(0, cleanDuration);
    }

    /**
     * A GUID as the Vis Nav makes them (277/01: {@code 05000000-4130-4145-5541-414130303030}): a little-endian
     * counter, then the hex of the serial's 12 characters without dashes.
     */
    private String guid(int counter) {
        String hexCounter = String.format("%02x%02x%02x%02x", counter & 0xFF, (counter >> 8) & 0xFF,
                (counter >> 16) & 0xFF, (counter >> 24) & 0xFF);
        String plain = (serial.replace("-", "") + "000000000000").substring(0, 12);
        String hex = HexFormat.of().formatHex(plain.getBytes(StandardCharsets.US_ASCII));
        return hexCounter + "-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8);
    }

    /** The level in the 5 % steps every captured robot reports. */
    private static int reported(double level) {
        return (int) Math.floor((level + 1e-9) / 5) * 5;
    }

    private String time() {
        return formatTime(now);
    }

    /** A {@code time} as robots write it: whole seconds, no milliseconds (N223/01, 277/01). */
    public static String formatTime(Instant instant) {
        return SECONDS.format(instant);
    }

    /** The message with its keys in alphabetical order, as every captured Vis Nav message has them. */
    private static JsonObject sorted(JsonObject message) {
        TreeMap<String, JsonElement> keys = new TreeMap<>();
        message.entrySet().forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        JsonObject copy = new JsonObject();
        keys.forEach(copy::add);
        return copy;
    }

    private static @Nullable String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString() : null;
    }

    private static @Nullable String nested(JsonObject object, String outer, String key) {
        JsonElement inner = object.get(outer);
        return inner != null && inner.isJsonObject() ? string(inner.getAsJsonObject(), key) : null;
    }
}
