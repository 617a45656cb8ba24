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
package org.openhab.core.thing.binding;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.util.ThingHandlerHelper;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in of openHAB Core's base thing handler with core's semantics: every update goes to the
 * {@link ThingHandlerCallback}; without a callback (handler disposed) it is logged and skipped. Status updates are
 * also stored on the thing, which core's callback (the thing manager) does.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandler.class);

    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("thingHandler");

    protected Thing thing;

    private @Nullable ThingHandlerCallback callback;

    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        synchronized (this) {
            this.callback = thingHandlerCallback;
        }
    }

    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    /**
     * The callback, or {@code null} after logging that the handler tried {@code action} while disposed.
     */
    private @Nullable ThingHandlerCallback callbackFor(String action) {
        ThingHandlerCallback current = callback;
        if (current == null) {
            logger.warn("Handler {} of thing {} tried {} although the handler was already disposed.",
                    getClass().getSimpleName(), thing.getUID(), action);
        }
        return current;
    }

    @Override
    public void handleRemoval() {
        updateStatus(ThingStatus.REMOVED);
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        if (!isModifyingCurrentConfig(configurationParameters)) {
            return;
        }
        validateConfigurationParameters(configurationParameters);
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        if (isInitialized()) {
            dispose();
            updateConfiguration(configuration);
            initialize();
        } else {
            updateConfiguration(configuration);
            ThingHandlerCallback current = callbackFor("updating its configuration");
            if (current != null) {
                current.configurationUpdated(thing);
            }
        }
    }

    protected boolean isModifyingCurrentConfig(Map<String, Object> configurationParameters) {
        Configuration current = getConfig();
        return configurationParameters.entrySet().stream()
                .anyMatch(entry -> !Objects.equals(current.get(entry.getKey()), entry.getValue()));
    }

    protected void validateConfigurationParameters(Map<String, Object> configurationParameters) {
        ThingHandlerCallback current = callbackFor("validating its configuration");
        if (current != null) {
            current.validateConfigurationParameters(thing, configurationParameters);
        }
    }

    @Override
    public void dispose() {
        // can be overridden by subclasses
    }

    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        this.thing = thing;
        initialize();
    }

    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
        // can be overridden by subclasses
    }

    protected Configuration getConfig() {
        return thing.getConfiguration();
    }

    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("updating channel " + channelUID.getId());
            if (current != null) {
                current.stateUpdated(channelUID, state);
            }
        }
    }

    protected void updateState(String channelID, State state) {
        updateState(new ChannelUID(thing.getUID(), channelID), state);
    }

    protected void triggerChannel(ChannelUID channelUID, String event) {
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("triggering channel " + channelUID.getId());
            if (current != null) {
                current.channelTriggered(thing, channelUID, event);
            }
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(new ChannelUID(thing.getUID(), channelID), event);
    }

    protected void triggerChannel(String channelID) {
        triggerChannel(channelID, "");
    }

    protected void triggerChannel(ChannelUID channelUID) {
        triggerChannel(channelUID, "");
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(new ChannelUID(thing.getUID(), channelID), command);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("posting a command to channel " + channelUID.getId());
            if (current != null) {
                current.postCommand(channelUID, command);
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("updating the thing status");
            if (current != null) {
                ThingStatusInfo statusInfo = new ThingStatusInfo(status, statusDetail, description);
                thing.setStatusInfo(statusInfo);
                current.statusUpdated(thing, statusInfo);
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    protected ThingBuilder editThing() {
        return ThingBuilder.create(thing.getThingTypeUID(), thing.getUID()).withBridge(thing.getBridgeUID())
                .withChannels(thing.getChannels()).withConfiguration(thing.getConfiguration())
                .withLabel(thing.getLabel()).withLocation(thing.getLocation()).withProperties(thing.getProperties());
    }

    protected void updateThing(Thing thing) {
        if (thing == this.thing) {
            throw new IllegalArgumentException(
                    "Changes must not be done on the current thing - create a copy, e.g. via editThing()");
        }
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("updating the thing");
            if (current != null) {
                this.thing = thing;
                current.thingUpdated(thing);
            }
        }
    }

    protected Configuration editConfiguration() {
        return new Configuration(new HashMap<>(thing.getConfiguration().getProperties()));
    }

    protected void updateConfiguration(Configuration configuration) {
        Map<String, @Nullable Object> old = thing.getConfiguration().getProperties();
        try {
            thing.getConfiguration().setProperties(configuration.getProperties());
            synchronized (this) {
                ThingHandlerCallback current = callbackFor("updating its configuration");
                if (current != null) {
                    current.thingUpdated(thing);
                }
            }
        } catch (RuntimeException e) {
            thing.getConfiguration().setProperties(old);
            throw e;
        }
    }

    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    /**
     * Sets the changed properties on the thing and informs the framework only if at least one of them changed.
     */
    protected void updateProperties(Map<String, String> properties) {
        boolean changed = false;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (!Objects.equals(thing.getProperties().get(property.getKey()), property.getValue())) {
                thing.setProperty(property.getKey(), property.getValue());
                changed = true;
            }
        }
        if (changed) {
            synchronized (this) {
                ThingHandlerCallback current = callbackFor("updating its thing's properties");
                if (current != null) {
                    current.thingUpdated(thing);
                }
            }
        }
    }

    /**
     * Like {@link #updateProperties} for one property; a {@code null} value removes the property.
     */
    @SuppressWarnings("null")
    protected void updateProperty(String name, @Nullable String value) {
        Map<String, String> single = new HashMap<>();
        single.put(name, value);
        updateProperties(single);
    }

    protected @Nullable Bridge getBridge() {
        ThingUID bridgeUID = thing.getBridgeUID();
        synchronized (this) {
            ThingHandlerCallback current = callbackFor("accessing its bridge");
            return current != null && bridgeUID != null ? current.getBridge(bridgeUID) : null;
        }
    }

    protected boolean isLinked(String channelId) {
        return isLinked(new ChannelUID(thing.getUID(), channelId));
    }

    protected boolean isLinked(ChannelUID channelUID) {
        ThingHandlerCallback current = callbackFor("checking if channel " + channelUID.getId() + " is linked");
        return current != null && current.isChannelLinked(channelUID);
    }

    protected boolean isInitialized() {
        return ThingHandlerHelper.isHandlerInitialized(this);
    }

    /**
     * Core's default: the bridge going OFFLINE takes this thing OFFLINE/BRIDGE_OFFLINE; the bridge coming back ONLINE
     * takes it ONLINE again only if it was OFFLINE because of the bridge.
     */
    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE
                && thing.getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE);
        } else if (bridgeStatusInfo.getStatus() == ThingStatus.OFFLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    protected void changeThingType(ThingTypeUID thingTypeUID, Configuration configuration) {
        ThingHandlerCallback current = callbackFor("migrating the thing type");
        if (current != null) {
            current.migrateThingType(thing, thingTypeUID, configuration);
        }
    }
}
