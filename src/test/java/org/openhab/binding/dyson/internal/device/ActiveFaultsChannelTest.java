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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.handler.ChannelStates;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;
import org.openhab.core.library.types.StringType;

/**
 * Issue 10: {@code status#active-faults} of a device whose fault report says all is well is published as
 * {@code NONE} (it stayed NULL: the first all-OK report changed no fault, and a REFRESH skipped the channel for having
 * no state keys).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ActiveFaultsChannelTest {

    private static final String ALL_OK = """
            {"msg":"CURRENT-FAULTS","time":"2025-04-16T00:16:21.000Z","product-errors":{"amf1":"OK","sen1":"OK"},
            "product-warnings":{"fltr":"OK"},"module-errors":{"szme":"OK"},"module-warnings":{"srnk":"OK"}}""";

    @Test
    void theFirstAllOkReportPublishesNone() throws Exception {
        DeviceState state = new DeviceState();
        StateUpdate update = state.apply(MessageParser.parse(ALL_OK));
        assertTrue(ChannelCatalogue.affectedBy(DeviceFamily.PURE_COOL, update).contains(DysonChannel.ACTIVE_FAULTS));
        assertEquals(new StringType("NONE"), ChannelStates.toState(DysonChannel.ACTIVE_FAULTS.decode(state)));
    }

    @Test
    void aRefreshIsAnsweredOnceAFaultReportIsIn() throws Exception {
        DeviceState state = new DeviceState();
        assertFalse(ChannelCatalogue.answersRefresh(DysonChannel.ACTIVE_FAULTS, state));
        state.apply(MessageParser.parse(ALL_OK));
        assertTrue(ChannelCatalogue.answersRefresh(DysonChannel.ACTIVE_FAULTS, state));
        assertFalse(ChannelCatalogue.answersRefresh(DysonChannel.TRANSPORT, state), "the handler feeds it");
    }
}
