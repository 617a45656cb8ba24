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

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Ids shared by the binding's openHAB side: thing types, configuration parameters, properties and channels.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DysonBindingConstants {

    public static final String BINDING_ID = "dyson";

    public static final ThingTypeUID THING_TYPE_ACCOUNT = new ThingTypeUID(BINDING_ID, "account");
    public static final ThingTypeUID THING_TYPE_PURE_COOL_LINK = new ThingTypeUID(BINDING_ID, "pure-cool-link");
    public static final ThingTypeUID THING_TYPE_PURE_HOT_COOL_LINK = new ThingTypeUID(BINDING_ID,
            "pure-hot-cool-link");
    public static final ThingTypeUID THING_TYPE_PURE_COOL = new ThingTypeUID(BINDING_ID, "pure-cool");
    public static final ThingTypeUID THING_TYPE_PURE_HOT_COOL = new ThingTypeUID(BINDING_ID, "pure-hot-cool");
    public static final ThingTypeUID THING_TYPE_PURE_HUMIDIFY_COOL = new ThingTypeUID(BINDING_ID,
            "pure-humidify-cool");
    public static final ThingTypeUID THING_TYPE_BIG_QUIET = new ThingTypeUID(BINDING_ID, "big-quiet");
    public static final ThingTypeUID THING_TYPE_360_EYE = new ThingTypeUID(BINDING_ID, "360-eye");
    public static final ThingTypeUID THING_TYPE_360_HEURIST = new ThingTypeUID(BINDING_ID, "360-heurist");
    public static final ThingTypeUID THING_TYPE_360_VIS_NAV = new ThingTypeUID(BINDING_ID, "360-vis-nav");

    public static final Set<ThingTypeUID> DEVICE_THING_TYPES = Set.of(THING_TYPE_PURE_COOL_LINK,
            THING_TYPE_PURE_HOT_COOL_LINK, THING_TYPE_PURE_COOL, THING_TYPE_PURE_HOT_COOL,
            THING_TYPE_PURE_HUMIDIFY_COOL, THING_TYPE_BIG_QUIET, THING_TYPE_360_EYE, THING_TYPE_360_HEURIST,
            THING_TYPE_360_VIS_NAV);

    // Device configuration and properties
    public static final String CONFIG_SERIAL_NUMBER = "serialNumber";
    public static final String PROPERTY_PRODUCT_TYPE = "productType";

    private DysonBindingConstants() {
    }
}
