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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.registry.Registry;

/**
 * Stand-in of openHAB Core's thing registry (an OSGi service), with only the members the binding uses (core has
 * more: {@code getChannel}, {@code updateConfiguration}, {@code forceRemove}, {@code createThingOfType}, ...).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface ThingRegistry extends Registry<Thing, ThingUID> {

    /** The thing with this UID, or null. */
    @Override
    @Nullable
    Thing get(ThingUID uid);
}
