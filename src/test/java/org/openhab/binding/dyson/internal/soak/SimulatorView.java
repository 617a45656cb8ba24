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
package org.openhab.binding.dyson.internal.soak;

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.handler.ChannelStates;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParseException;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

import com.google.gson.JsonObject;

/**
 * What a channel shows for a simulated device's own state, decoded the binding's way: the device's product state as
 * a {@code CURRENT-STATE} message through the binding's parser and the channel's decoder. The soak uses it to see
 * whether a command reached the device, independently of what the thing has reported.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SimulatorView {

    private SimulatorView() {
    }

    static State channelState(DeviceSimulator simulator, DysonChannel channel) {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "CURRENT-STATE");
        message.addProperty("time", Instant.now().toString());
        JsonObject productState = new JsonObject();
        simulator.productState().forEach(productState::addProperty);
        message.add("product-state", productState);
        DeviceState state = new DeviceState(simulator.topics().serial());
        try {
            state.apply(MessageParser.parse(message.toString()));
        } catch (MessageParseException e) {
            return UnDefType.UNDEF;
        }
        return ChannelStates.toState(channel.decode(state));
    }
}
