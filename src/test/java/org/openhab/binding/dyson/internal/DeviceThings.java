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
package org.openhab.binding.dyson.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.device.ChannelCatalogue;
import org.openhab.binding.dyson.internal.device.ChannelGroup;
import org.openhab.binding.dyson.internal.device.DeviceFamily;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.device.ItemType;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Builds a device thing as openHAB would from the thing type: the family's thing type for a product type, every
 * channel of the family, the configuration and the account bridge (if any).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceThings {

    private DeviceThings() {
    }

    /**
     * @param root the MQTT root topic (product type) that picks the thing type
     * @param id the thing id
     * @param bridge the account bridge, or null for a local-only thing
     */
    public static Thing build(String root, String id, Map<String, Object> config, @Nullable Bridge bridge) {
        ThingTypeUID type = DysonThingTypes.forRootTopic(root);
        DeviceFamily family = type == null ? null : DysonThingTypes.family(type);
        if (type == null || family == null) {
            throw new IllegalArgumentException("No thing type for product type " + root);
        }
        ThingUID uid = bridge == null ? new ThingUID(type, id) : new ThingUID(type, bridge.getUID(), id);
        List<Channel> channels = new ArrayList<>();
        for (DysonChannel channel : ChannelCatalogue.channelsOf(family)) {
            channels.add(channelBuilder(new ChannelUID(uid, channel.uidSuffix()), channel).build());
        }
        return ThingBuilder.create(type, uid).withChannels(channels).withConfiguration(new Configuration(config))
                .withBridge(bridge == null ? null : bridge.getUID()).build();
    }

    /**
     * What core's {@code ThingHandlerCallback.createChannelBuilders} returns for a channel group of a device thing
     * type: a builder for each channel of the group type, built as {@link #build} builds the thing's channels (the
     * catalogue agrees with the XML, see {@code ThingXmlConsistencyTest}). Unknown group types are refused as core
     * refuses them.
     */
    public static List<ChannelBuilder> channelBuilders(ChannelGroupUID group, ChannelGroupTypeUID groupType) {
        for (DeviceFamily family : DeviceFamily.values()) {
            for (ChannelGroup known : ChannelCatalogue.groupsOf(family)) {
                if (DysonBindingConstants.BINDING_ID.equals(groupType.getBindingId())
                        && known.groupTypeId(family).equals(groupType.getId())) {
                    List<ChannelBuilder> builders = new ArrayList<>();
                    for (DysonChannel channel : ChannelCatalogue.channelsOf(family)) {
                        if (channel.group() == known) {
                            builders.add(channelBuilder(new ChannelUID(group, channel.id()), channel));
                        }
                    }
                    return builders;
                }
            }
        }
        throw new IllegalArgumentException("Channel group type '" + groupType + "' is not known");
    }

    private static ChannelBuilder channelBuilder(ChannelUID uid, DysonChannel channel) {
        boolean trigger = channel.itemType() == ItemType.TRIGGER;
        String typeId = channel.channelTypeId();
        ChannelTypeUID channelType = typeId.startsWith("system.") ? new ChannelTypeUID(typeId.replace('.', ':'))
                : new ChannelTypeUID(DysonBindingConstants.BINDING_ID, typeId);
        return ChannelBuilder.create(uid, trigger ? null : channel.itemType().text()).withType(channelType)
                .withKind(trigger ? ChannelKind.TRIGGER : ChannelKind.STATE);
    }
}
