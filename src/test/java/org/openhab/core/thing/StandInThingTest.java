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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Checks the stand-in's UIDs, status values and thing building.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StandInThingTest {

    private static final ThingTypeUID PURIFIER = new ThingTypeUID("dyson", "purifier");
    private static final ThingUID ACCOUNT = new ThingUID(new ThingTypeUID("dyson", "account"), "home");

    @Test
    void statusInfoEqualityCoversStatusDetailAndDescription() {
        ThingStatusInfo info = new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x");

        assertEquals(info, ThingStatusInfoBuilder.create(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR)
                .withDescription("x").build());
        assertEquals(info.hashCode(),
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x").hashCode());
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, null));
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "x"));
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x"));
        assertEquals("OFFLINE (COMMUNICATION_ERROR): x", info.toString());
        assertEquals("ONLINE", ThingStatusInfoBuilder.create(ThingStatus.ONLINE).build().toString());
    }

    @Test
    void thingUidsWithAndWithoutBridge() {
        ThingUID device = new ThingUID(PURIFIER, ACCOUNT, "AB1-EU-XXX0000A");

        assertEquals("dyson:purifier:account:home:AB1-EU-XXX0000A", device.getAsString());
        assertEquals("AB1-EU-XXX0000A", device.getId());
        assertEquals(List.of("account", "home"), device.getBridgeIds());
        assertEquals("dyson", device.getBindingId());
        assertEquals(device, new ThingUID("dyson:purifier:account:home:AB1-EU-XXX0000A"));
        assertEquals("dyson:purifier:dev", new ThingUID(PURIFIER, "dev").toString());
        assertEquals(List.of(), new ThingUID(PURIFIER, "dev").getBridgeIds());
        assertThrows(IllegalArgumentException.class, () -> new ThingUID(PURIFIER, "bad id"));
        assertThrows(IllegalArgumentException.class, () -> new ThingTypeUID("dyson"));
    }

    @Test
    void channelUidsWithGroups() {
        ThingUID thing = new ThingUID(PURIFIER, "dev");
        ChannelGroupUID group = new ChannelGroupUID(thing, "air-quality");
        ChannelUID pm25 = new ChannelUID(group, "pm25");

        assertEquals("dyson:purifier:dev:air-quality#pm25", pm25.getAsString());
        assertEquals(pm25, new ChannelUID(thing, "air-quality", "pm25"));
        assertTrue(pm25.isInGroup());
        assertEquals("air-quality", pm25.getGroupId());
        assertEquals("pm25", pm25.getIdWithoutGroup());
        assertEquals("air-quality#pm25", pm25.getId());
        assertEquals(thing, pm25.getThingUID());
        assertEquals(thing, group.getThingUID());
        ChannelUID power = new ChannelUID(thing, "power");
        assertFalse(power.isInGroup());
        assertNull(power.getGroupId());
        assertThrows(IllegalArgumentException.class, () -> new ChannelUID(thing, "a#b#c"));
    }

    @Test
    void builtThingHasChannelsByIdAndGroup() {
        ThingUID uid = new ThingUID(PURIFIER, "dev");
        Channel pm25 = ChannelBuilder.create(new ChannelUID(uid, "air-quality", "pm25"), "Number:Density")
                .withType(new ChannelTypeUID("dyson", "pm25")).build();
        Channel alert = ChannelBuilder.create(new ChannelUID(uid, "filter-alert")).withKind(ChannelKind.TRIGGER)
                .build();
        Thing thing = ThingBuilder.create(PURIFIER, uid).withChannels(pm25, alert).withLabel("Purifier").build();

        assertEquals(pm25, thing.getChannel("air-quality#pm25"));
        assertEquals(List.of(pm25), thing.getChannelsOfGroup("air-quality"));
        assertEquals(ChannelKind.TRIGGER, thing.getChannel(alert.getUID()).getKind());
        assertEquals(pm25, ChannelBuilder.create(pm25).build());
        assertThrows(IllegalArgumentException.class, () -> ThingBuilder.create(PURIFIER, uid).withChannels(pm25, pm25));
        assertEquals(List.of(alert), ThingBuilder.create(thing).withoutChannel(pm25.getUID()).build().getChannels());
        assertEquals(ThingStatus.UNINITIALIZED, thing.getStatus());
        assertTrue(thing.isEnabled());
    }
}
