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
package org.openhab.core.thing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * Stand-in of openHAB Core's internal thing implementation (what {@code ThingBuilder} builds); bindings use
 * {@link Thing} only.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ThingImpl implements Thing {

    private final ThingTypeUID thingTypeUID;
    private final ThingUID uid;
    private @Nullable String label;
    private @Nullable ThingUID bridgeUID;
    private @Nullable String location;
    private List<Channel> channels = new ArrayList<>();
    private Configuration configuration = new Configuration();
    private final Map<String, String> properties = new HashMap<>();
    private volatile ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);
    private volatile @Nullable ThingHandler handler;

    public ThingImpl(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        this.thingTypeUID = thingTypeUID;
        this.uid = thingUID;
    }

    @Override
    public @Nullable String getLabel() {
        return label;
    }

    @Override
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @Override
    public List<Channel> getChannels() {
        return List.copyOf(channels);
    }

    @Override
    public List<Channel> getChannelsOfGroup(String channelGroupId) {
        return channels.stream().filter(c -> channelGroupId.equals(c.getUID().getGroupId())).toList();
    }

    @Override
    public @Nullable Channel getChannel(String channelId) {
        return channels.stream().filter(c -> c.getUID().getId().equals(channelId)).findFirst().orElse(null);
    }

    @Override
    public @Nullable Channel getChannel(ChannelUID channelUID) {
        return channels.stream().filter(c -> c.getUID().equals(channelUID)).findFirst().orElse(null);
    }

    public void setChannels(List<Channel> channels) {
        this.channels = new ArrayList<>(channels);
    }

    @Override
    public ThingStatus getStatus() {
        return status.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo status) {
        this.status = status;
    }

    @Override
    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.handler = thingHandler;
    }

    @Override
    public @Nullable ThingHandler getHandler() {
        return handler;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public void setBridgeUID(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(@Nullable Configuration configuration) {
        this.configuration = configuration != null ? configuration : new Configuration();
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return thingTypeUID;
    }

    @Override
    public Map<String, String> getProperties() {
        synchronized (properties) {
            return Map.copyOf(properties);
        }
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        synchronized (properties) {
            return value == null ? properties.remove(name) : properties.put(name, value);
        }
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        synchronized (this.properties) {
            this.properties.clear();
            this.properties.putAll(properties);
        }
    }

    @Override
    public @Nullable String getLocation() {
        return location;
    }

    @Override
    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    @Override
    public boolean isEnabled() {
        return status.getStatusDetail() != ThingStatusDetail.DISABLED;
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof ThingImpl other && Objects.equals(uid, other.uid);
    }
}
