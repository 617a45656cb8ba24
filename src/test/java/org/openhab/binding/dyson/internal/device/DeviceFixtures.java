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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParseException;
import org.openhab.binding.dyson.internal.protocol.MessageParser;

/**
 * Builds {@link DeviceState}s from captured or hand-written payloads.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class DeviceFixtures {

    private DeviceFixtures() {
    }

    /** A state fed with the first {@code count} device messages of a capture file. */
    static DeviceState fromCapture(String root, String file, int count) throws MessageParseException {
        DeviceState state = new DeviceState(root);
        List<String> payloads = Captures.devicePayloads(root, file);
        for (String payload : payloads.subList(0, Math.min(count, payloads.size()))) {
            state.apply(MessageParser.parse(payload));
        }
        return state;
    }

    /** A state fed with the given payloads. */
    static DeviceState fromPayloads(String... payloads) throws MessageParseException {
        DeviceState state = new DeviceState("test");
        for (String payload : payloads) {
            state.apply(MessageParser.parse(payload));
        }
        return state;
    }
}
