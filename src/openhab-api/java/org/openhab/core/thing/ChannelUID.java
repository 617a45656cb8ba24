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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's channel id: the thing UID's segments plus {@code [groupId#]channelId}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ChannelUID extends UID {

    public static final String CHANNEL_GROUP_SEPARATOR = "#";
    public static final Pattern CHANNEL_SEGMENT_PATTERN = Pattern.compile("[\\w-]*|[\\w-]*#[\\w-]*");

    public ChannelUID(String channelUid) {
        super(channelUid);
    }

    public ChannelUID(ChannelGroupUID channelGroupUID, String id) {
        this(channelGroupUID.getThingUID(), channelGroupUID.getId(), id);
    }

    public ChannelUID(ThingUID thingUID, String id) {
        super(append(thingUID, id));
    }

    public ChannelUID(ThingUID thingUID, String groupId, String id) {
        this(thingUID, groupId + CHANNEL_GROUP_SEPARATOR + id);
    }

    static List<String> append(ThingUID thingUID, String id) {
        List<String> segments = new ArrayList<>(thingUID.getAllSegments());
        segments.add(id);
        return segments;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    @Override
    protected void validateSegment(String segment, int index, int length) {
        if (index < length - 1) {
            super.validateSegment(segment, index, length);
        } else if (!CHANNEL_SEGMENT_PATTERN.matcher(segment).matches()) {
            throw new IllegalArgumentException("Channel id '" + segment + "' must match " + CHANNEL_SEGMENT_PATTERN);
        }
    }

    /**
     * The last segment, including the group prefix if any ({@code group#channel}).
     */
    public String getId() {
        List<String> segments = getAllSegments();
        return segments.get(segments.size() - 1);
    }

    public String getIdWithoutGroup() {
        String id = getId();
        return isInGroup() ? id.substring(id.indexOf(CHANNEL_GROUP_SEPARATOR) + 1) : id;
    }

    public boolean isInGroup() {
        return getId().contains(CHANNEL_GROUP_SEPARATOR);
    }

    public @Nullable String getGroupId() {
        String id = getId();
        return isInGroup() ? id.substring(0, id.indexOf(CHANNEL_GROUP_SEPARATOR)) : null;
    }

    public ThingUID getThingUID() {
        List<String> segments = getAllSegments();
        return new ThingUID(segments.subList(0, segments.size() - 1).toArray(String[]::new));
    }
}
