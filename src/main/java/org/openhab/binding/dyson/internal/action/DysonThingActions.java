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
package org.openhab.binding.dyson.internal.action;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.diagnostics.CaptureWriter;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule actions of a Dyson device thing ({@code getActions("dyson", "<thing UID>")}): refresh now, reset the
 * filter, set the oscillation window and the sleep timer, each returning whether the command was sent (a command the
 * device cannot take or that could not be sent returns false and leaves a log line saying why; the commands are built
 * by the same code as the channel commands); and capture the device's traffic into a file, as the console's
 * {@code capture} does, returning the number of messages written.
 * <p>
 * The static methods are for DSL rules, as in other openHAB bindings:
 * {@code DysonThingActions.setSleepTimer(actions, 30)} is the same as {@code actions.setSleepTimer(30)}.
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = DysonThingActions.class)
@ThingActionsScope(name = "dyson")
@NonNullByDefault
public class DysonThingActions implements ThingActions {

    private static final String BOOLEAN = "java.lang.Boolean";
    private static final String INTEGER = "java.lang.Integer";

    private final Logger logger = LoggerFactory.getLogger(DysonThingActions.class);
    private volatile @Nullable DysonDeviceHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (handler instanceof DysonDeviceHandler device) {
            this.handler = device;
        }
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    @RuleAction(label = "@text/action.refresh.label", description = "@text/action.refresh.description")
    public @ActionOutput(type = BOOLEAN, label = "@text/action.sent.label") boolean refresh() {
        DysonDeviceHandler device = device("refresh");
        return device != null && device.refreshNow();
    }

    @RuleAction(label = "@text/action.reset-filter.label", description = "@text/action.reset-filter.description")
    public @ActionOutput(type = BOOLEAN, label = "@text/action.sent.label") boolean resetFilter() {
        DysonDeviceHandler device = device("resetFilter");
        return device != null && device.resetFilter();
    }

    @RuleAction(label = "@text/action.oscillation-window.label", description = "@text/action.oscillation-window.description")
    public @ActionOutput(type = BOOLEAN, label = "@text/action.sent.label") boolean setOscillationWindow(
            @ActionInput(name = "lowerAngle", type = "int", label = "@text/action.oscillation-window.lower.label", description = "@text/action.oscillation-window.lower.description", required = true) int lowerAngle,
            @ActionInput(name = "upperAngle", type = "int", label = "@text/action.oscillation-window.upper.label", description = "@text/action.oscillation-window.upper.description", required = true) int upperAngle) {
        DysonDeviceHandler device = device("setOscillationWindow");
        return device != null && device.setOscillationWindow(lowerAngle, upperAngle);
    }

    @RuleAction(label = "@text/action.sleep-timer.label", description = "@text/action.sleep-timer.description")
    public @ActionOutput(type = BOOLEAN, label = "@text/action.sent.label") boolean setSleepTimer(
            @ActionInput(name = "minutes", type = "int", label = "@text/action.sleep-timer.minutes.label", description = "@text/action.sleep-timer.minutes.description", required = true) int minutes) {
        DysonDeviceHandler device = device("setSleepTimer");
        return device != null && device.setSleepTimer(minutes);
    }

    /**
     * Records the device's MQTT traffic for the given seconds into a new file, sanitised as the console's
     * {@code capture} does (serial number replaced, no secret); blocks the rule for that time.
     *
     * @return the number of messages written, or -1 when nothing could be captured (the log says why)
     */
    @RuleAction(label = "@text/action.capture.label", description = "@text/action.capture.description")
    public @ActionOutput(type = INTEGER, label = "@text/action.capture.written.label") int capture(
            @ActionInput(name = "seconds", type = "int", label = "@text/action.capture.seconds.label", description = "@text/action.capture.seconds.description", required = true) int seconds,
            @ActionInput(name = "file", type = "java.lang.String", label = "@text/action.capture.file.label", description = "@text/action.capture.file.description", required = true) String file) {
        DysonDeviceHandler device = device("capture");
        if (device == null) {
            return -1;
        }
        try {
            CaptureWriter.Result result = device.captureTo(Path.of(file).toAbsolutePath(),
                    Duration.ofSeconds(seconds));
            logger.info("Dyson capture: {} messages written to {}", result.written(), result.file());
            return result.written();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) { // InvalidPathException too
            logger.info("Dyson action capture not run: {}", e.getMessage());
            return -1;
        }
    }

    // ---- for DSL rules

    public static boolean refresh(ThingActions actions) {
        return of(actions).refresh();
    }

    public static boolean resetFilter(ThingActions actions) {
        return of(actions).resetFilter();
    }

    public static boolean setOscillationWindow(ThingActions actions, int lowerAngle, int upperAngle) {
        return of(actions).setOscillationWindow(lowerAngle, upperAngle);
    }

    public static boolean setSleepTimer(ThingActions actions, int minutes) {
        return of(actions).setSleepTimer(minutes);
    }

    public static int capture(ThingActions actions, int seconds, String file) {
        return of(actions).capture(seconds, file);
    }

    private static DysonThingActions of(ThingActions actions) {
        if (actions instanceof DysonThingActions dyson) {
            return dyson;
        }
        throw new IllegalArgumentException("Not the actions of a Dyson device thing: " + actions.getClass().getName());
    }

    private @Nullable DysonDeviceHandler device(String action) {
        DysonDeviceHandler device = handler;
        if (device == null) {
            logger.info("Dyson action {} not run: the thing has no handler", action);
        }
        return device;
    }
}
