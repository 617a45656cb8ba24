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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageType;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;
import org.openhab.binding.dyson.internal.protocol.ValueCodec;

/**
 * Queries over {@link DysonChannel}: which channels a family has, which of them a given device lacks, which ones a
 * message touched, and their decoded values.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ChannelCatalogue {

    /** Every family's channels in catalogue order, worked out once: messages are mapped through them. */
    private static final Map<DeviceFamily, List<DysonChannel>> BY_FAMILY = new EnumMap<>(DeviceFamily.class);
    static {
        for (DeviceFamily family : DeviceFamily.values()) {
            List<DysonChannel> channels = new ArrayList<>();
            for (DysonChannel channel : DysonChannel.values()) {
                if (channel.isIn(family)) {
                    channels.add(channel);
                }
            }
            BY_FAMILY.put(family, List.copyOf(channels));
        }
    }

    private ChannelCatalogue() {
    }

    /** All channels of a family's thing type, in catalogue order. */
    public static List<DysonChannel> channelsOf(DeviceFamily family) {
        return new ArrayList<>(BY_FAMILY.get(family));
    }

    /** The groups a family's thing type has, in order. */
    public static List<ChannelGroup> groupsOf(DeviceFamily family) {
        List<ChannelGroup> groups = new ArrayList<>();
        for (DysonChannel channel : channelsOf(family)) {
            if (!groups.contains(channel.group())) {
                groups.add(channel.group());
            }
        }
        return groups;
    }

    /**
     * The family's channels this device does not have, for the handler to remove: every key of the channel is
     * missing from a full report of its kind (a CURRENT-STATE for product keys and {@code rssi}, environment data for
     * sensor keys), or a sensor key's value is {@code NONE} (sensor not fitted). Channels of the other kinds
     * (commands, faults, transport, events) are never listed. Before any report the list is empty.
     */
    public static List<DysonChannel> unsupportedChannels(DeviceFamily family, DeviceState state) {
        List<DysonChannel> lacking = new ArrayList<>();
        for (DysonChannel channel : channelsOf(family)) {
            if (!channel.keys().isEmpty() && channel.keys().stream().allMatch(key -> isLacking(channel, key, state))) {
                lacking.add(channel);
            }
        }
        return lacking;
    }

    /** The family's channels minus {@link #unsupportedChannels}. */
    public static List<DysonChannel> supportedChannels(DeviceFamily family, DeviceState state) {
        List<DysonChannel> channels = channelsOf(family);
        channels.removeAll(unsupportedChannels(family, state));
        return channels;
    }

    private static boolean isLacking(DysonChannel channel, String key, DeviceState state) {
        return switch (channel.keySource()) {
            case PRODUCT -> state.isCurrentStateReceived() && state.product(key) == null;
            case PRODUCT_OR_SENSOR -> state.isCurrentStateReceived() && state.isSensorDataReceived()
                    && state.value(key) == null;
            case SENSOR -> state.isSensorDataReceived() && sensorMissing(state.sensor(key));
            case ATTRIBUTE -> state.isCurrentStateReceived() && state.attribute(key) == null;
            case FAULTS, NONE -> false;
        };
    }

    private static boolean sensorMissing(@Nullable String value) {
        return value == null || ValueCodec.isNotFitted(value);
    }

    /**
     * The family's channels fed by keys the update changed, plus {@code active-faults} for every fault report (also
     * the first one that says all is well, which changes no fault but must replace NULL with {@code NONE}).
     */
    public static List<DysonChannel> affectedBy(DeviceFamily family, StateUpdate update) {
        Set<String> changed = update.changedKeys();
        boolean faultReport = update.faultsChanged() || update.type() == MessageType.CURRENT_FAULTS
                || update.type() == MessageType.FAULTS_CHANGE;
        if (changed.isEmpty() && !faultReport) {
            return List.of(); // most messages of an idle device repeat what is known
        }
        List<DysonChannel> affected = new ArrayList<>();
        for (DysonChannel channel : BY_FAMILY.get(family)) {
            if (channel.keySource() == KeySource.FAULTS ? faultReport : anyIn(channel.keys(), changed)) {
                affected.add(channel);
            }
        }
        return affected;
    }

    private static boolean anyIn(List<String> keys, Set<String> changed) {
        for (String key : keys) {
            if (changed.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a REFRESH of {@code channel} can be answered from {@code state}: a channel fed by state keys once the
     * first CURRENT-STATE is in, {@code active-faults} once the first fault report is in; never the channels the
     * handler feeds itself.
     */
    public static boolean answersRefresh(DysonChannel channel, DeviceState state) {
        if (channel.keySource() == KeySource.FAULTS) {
            return state.isFaultsReceived();
        }
        return !channel.keys().isEmpty() && state.isCurrentStateReceived();
    }

    /** The decoded value of every state channel of the family (not the trigger, command-only or handler ones). */
    public static Map<DysonChannel, ChannelValue> decodeAll(DeviceFamily family, DeviceState state) {
        Map<DysonChannel, ChannelValue> values = new LinkedHashMap<>();
        for (DysonChannel channel : channelsOf(family)) {
            if (channel.keySource() != KeySource.NONE) {
                values.put(channel, channel.decode(state));
            }
        }
        return values;
    }
}
