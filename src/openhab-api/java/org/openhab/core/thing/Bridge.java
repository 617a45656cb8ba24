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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.binding.BridgeHandler;

/**
 * Stand-in of openHAB Core's bridge: a thing that other things connect through.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface Bridge extends Thing {

    List<Thing> getThings();

    @Nullable
    Thing getThing(ThingUID thingUID);

    @Override
    @Nullable
    BridgeHandler getHandler();
}
