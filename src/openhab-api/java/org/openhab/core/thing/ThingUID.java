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
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in of openHAB Core's thing id: {@code bindingId:thingTypeId:[bridgeIds:]id}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ThingUID extends UID {

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, id);
    }

    public ThingUID(String bindingId, String thingTypeId, String id) {
        super(bindingId, thingTypeId, id);
    }

    public ThingUID(String bindingId, ThingUID bridgeUID, String id) {
        super(join(List.of(bindingId), bridgeIdsOf(bridgeUID), id));
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id, String... bridgeIds) {
        super(join(List.of(thingTypeUID.getBindingId(), thingTypeUID.getId()), Arrays.asList(bridgeIds), id));
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(join(List.of(thingTypeUID.getBindingId(), thingTypeUID.getId()), bridgeIdsOf(bridgeUID), id));
    }

    private static List<String> bridgeIdsOf(ThingUID bridgeUID) {
        List<String> segments = bridgeUID.getAllSegments();
        return segments.subList(1, segments.size());
    }

    private static List<String> join(List<String> head, List<String> middle, String id) {
        List<String> segments = new ArrayList<>(head);
        segments.addAll(middle);
        segments.add(id);
        return segments;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 2;
    }

    public String getId() {
        List<String> segments = getAllSegments();
        return segments.get(segments.size() - 1);
    }

    /**
     * The segments between the thing type and the id (empty for things without bridge in their UID).
     */
    public List<String> getBridgeIds() {
        List<String> segments = getAllSegments();
        return segments.size() <= 3 ? List.of() : segments.subList(2, segments.size() - 1);
    }
}
