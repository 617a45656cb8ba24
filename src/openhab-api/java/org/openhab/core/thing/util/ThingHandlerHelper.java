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
package org.openhab.core.thing.util;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * Stand-in of openHAB Core's helper: a handler counts as initialized once its thing is ONLINE, OFFLINE or UNKNOWN.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ThingHandlerHelper {

    private ThingHandlerHelper() {
    }

    public static boolean isHandlerInitialized(ThingStatus thingStatus) {
        return thingStatus == ThingStatus.OFFLINE || thingStatus == ThingStatus.ONLINE
                || thingStatus == ThingStatus.UNKNOWN;
    }

    public static boolean isHandlerInitialized(Thing thing) {
        return isHandlerInitialized(thing.getStatus());
    }

    public static boolean isHandlerInitialized(ThingHandler handler) {
        return isHandlerInitialized(handler.getThing());
    }
}
