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
package org.openhab.binding.dyson.internal;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.BINDING_ID;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.device.DeviceFamily;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Maps between the Dyson device model and openHAB thing types.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DysonThingTypes {

    private DysonThingTypes() {
    }

    /** The thing type for an MQTT topic root such as {@code 438K} or {@code N223}; null for unknown products. */
    public static @Nullable ThingTypeUID forRootTopic(String rootTopic) {
        ProductType type = ProductType.fromRootTopic(rootTopic);
        return type == null ? null : new ThingTypeUID(BINDING_ID, type.thingTypeId());
    }

    /** The device family of a thing type; null for the account and foreign types. */
    public static @Nullable DeviceFamily family(ThingTypeUID thingType) {
        return BINDING_ID.equals(thingType.getBindingId()) ? DeviceFamily.fromThingTypeId(thingType.getId()) : null;
    }
}
