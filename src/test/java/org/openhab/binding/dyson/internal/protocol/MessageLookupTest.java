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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.device.ChannelCatalogue;
import org.openhab.binding.dyson.internal.device.DeviceFamily;
import org.openhab.binding.dyson.internal.device.DysonChannel;

/**
 * The lookups that keep message mapping fast (issue 9) give what the plain searches gave: message types and fault
 * categories by wire name, and the channels a state update touches.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MessageLookupTest {

    @Test
    void everyMessageTypeIsFoundByItsWireNameAndOthersAreUnknown() {
        for (MessageType type : MessageType.values()) {
            if (type != MessageType.UNKNOWN) {
                assertEquals(type, MessageType.fromWire(type.wireName()));
            }
        }
        assertEquals(MessageType.UNKNOWN, MessageType.fromWire(""));
        assertEquals(MessageType.UNKNOWN, MessageType.fromWire("state-change"));
        assertEquals(MessageType.UNKNOWN, MessageType.fromWire("NO-SUCH-MESSAGE"));
    }

    @Test
    void everyFaultCategoryIsParsedAndOtherMapsAreLeftOut() throws Exception {
        StringBuilder json = new StringBuilder("{\"msg\":\"CURRENT-FAULTS\",\"time\":\"t\"");
        for (FaultCategory category : FaultCategory.values()) {
            json.append(",\"").append(category.wireName()).append("\":{\"code\":\"OK\"}");
        }
        json.append(",\"scheduler\":{\"dstv\":\"0001\"},\"rssi\":\"-50\"}");
        DysonMessage message = MessageParser.parse(json.toString());
        assertEquals(Set.of(FaultCategory.values()), message.faults().keySet());
        message.faults().values().forEach(map -> assertEquals(Map.of("code", "OK"), map));
        assertEquals(Map.of("rssi", "-50"), message.attributes());
        assertTrue(message.productState().isEmpty() && message.data().isEmpty());
    }

    @Test
    void onlyTheChannelsOfChangedKeysAreAffected() throws Exception {
        DeviceState state = new DeviceState("test");
        DysonMessage change = MessageParser
                .parse("{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"fnsp\":[\"0001\",\"0005\"]}}");
        assertEquals(List.of(DysonChannel.FAN_SPEED),
                ChannelCatalogue.affectedBy(DeviceFamily.PURE_COOL, state.apply(change)).stream()
                        .filter(c -> c == DysonChannel.FAN_SPEED).toList());
        assertEquals(List.of(), ChannelCatalogue.affectedBy(DeviceFamily.PURE_COOL, state.apply(change)),
                "a repeated value changes nothing");
        DysonMessage faults = MessageParser
                .parse("{\"msg\":\"FAULTS-CHANGE\",\"product-errors\":{\"amf1\":[\"OK\",\"FAIL\"]}}");
        assertEquals(List.of(DysonChannel.ACTIVE_FAULTS),
                ChannelCatalogue.affectedBy(DeviceFamily.PURE_COOL, state.apply(faults)));
    }
}
