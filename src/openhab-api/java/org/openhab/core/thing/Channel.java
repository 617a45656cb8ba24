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
package org.openhab.core.thing;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.type.AutoUpdatePolicy;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Stand-in of openHAB Core's channel of a thing; built with {@code ChannelBuilder}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class Channel {

    private final ChannelUID uid;
    private final @Nullable ChannelTypeUID channelTypeUID;
    private final @Nullable String acceptedItemType;
    private final ChannelKind kind;
    private final Configuration configuration;
    private final Set<String> defaultTags;
    private final Map<String, String> properties;
    private final @Nullable String label;
    private final @Nullable String description;
    private final @Nullable AutoUpdatePolicy autoUpdatePolicy;

    protected Channel(ChannelUID uid, @Nullable ChannelTypeUID channelTypeUID, @Nullable String acceptedItemType,
            ChannelKind kind, @Nullable Configuration configuration, Set<String> defaultTags,
            @Nullable Map<String, String> properties, @Nullable String label, @Nullable String description,
            @Nullable AutoUpdatePolicy autoUpdatePolicy) {
        this.uid = uid;
        this.channelTypeUID = channelTypeUID;
        this.acceptedItemType = acceptedItemType;
        this.kind = kind;
        this.configuration = configuration != null ? configuration : new Configuration();
        this.defaultTags = Set.copyOf(defaultTags);
        this.properties = properties != null ? Map.copyOf(properties) : Map.of();
        this.label = label;
        this.description = description;
        this.autoUpdatePolicy = autoUpdatePolicy;
    }

    public ChannelUID getUID() {
        return uid;
    }

    public @Nullable ChannelTypeUID getChannelTypeUID() {
        return channelTypeUID;
    }

    public @Nullable String getAcceptedItemType() {
        return acceptedItemType;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public Set<String> getDefaultTags() {
        return defaultTags;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public @Nullable String getLabel() {
        return label;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public @Nullable AutoUpdatePolicy getAutoUpdatePolicy() {
        return autoUpdatePolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, channelTypeUID, acceptedItemType, kind, configuration, label);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof Channel other)) {
            return false;
        }
        return uid.equals(other.uid) && Objects.equals(channelTypeUID, other.channelTypeUID)
                && Objects.equals(acceptedItemType, other.acceptedItemType) && kind == other.kind
                && configuration.equals(other.configuration) && defaultTags.equals(other.defaultTags)
                && properties.equals(other.properties) && Objects.equals(label, other.label)
                && Objects.equals(description, other.description) && autoUpdatePolicy == other.autoUpdatePolicy;
    }
}
