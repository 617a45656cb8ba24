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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;

/**
 * One simulated device of the soak with its thing and the relay its connection runs through.
 *
 * @param root MQTT root topic (product type)
 * @param thing the device thing (local or, under the account, cloud)
 * @param simulator the simulated device on the broker
 * @param relay the relay in front of the broker (local) or the AWS IoT endpoint stand-in (cloud)
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
record SoakDevice(String root, SoakThing thing, DeviceSimulator simulator, LinkCutter relay) {

    String serial() {
        return thing.serial();
    }

    boolean isCloud() {
        return thing.isCloud();
    }

    String transport() {
        return isCloud() ? "cloud" : "local";
    }
}
